using System.Security.Cryptography;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.WebSub;

/// <summary>
/// Keeps the WebSub subscriptions in step with the feeds, one pass at a time (run by a recurring
/// job): subscribes feeds that declare a hub, gives a hub <see cref="WebSubOptions.VerifyTimeout"/>
/// to verify, renews a lease when 80% of it has passed, retries failures with a backoff (1 h,
/// doubling, at most a day), and unsubscribes feeds that were removed, purged, gone, or that
/// declare another hub or none. Nothing is done while WebSub is off.
/// </summary>
public sealed class WebSubSubscriber(
    IFeedStore feeds,
    IWebSubStore store,
    HubClient hubs,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<WebSubSubscriber> logger)
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>The callback URL of a subscription: /websub/callback/{feed id}/{token} under the callback base.</summary>
    public static Uri Callback(Uri callbackBase, long feedId, string token) =>
        new(callbackBase, $"websub/callback/{feedId}/{token}");

    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Active)
            return;
        await _oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var subscribed = (await feeds.ListAsync(cancellationToken)).Where(f => f.Status != FeedStatus.Gone).ToDictionary(f => f.Id);
            var kept = new HashSet<long>();
            foreach (var subscription in await store.ListAsync(cancellationToken))
            {
                if (subscription.State == HubSubscriptionState.Unsubscribing)
                    await FinishUnsubscribingAsync(subscription, now, cancellationToken);
                else if (!subscribed.TryGetValue(subscription.FeedId, out var feed) || feed.Hub != subscription.Link)
                    await UnsubscribeAsync(subscription, subscribed.GetValueOrDefault(subscription.FeedId), now, cancellationToken);
                else if (kept.Add(feed.Id))
                    await KeepAsync(subscription, feed, now, cancellationToken);
            }

            foreach (var feed in subscribed.Values.Where(f => f.Hub is not null && !kept.Contains(f.Id)))
                await SubscribeAsync(feed, now, cancellationToken);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task SubscribeAsync(Feed feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The row is written before the request: a hub may verify before it answers.
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var secret = RandomNumberGenerator.GetHexString(64, lowercase: true);
        if (await store.AddAsync(feed.Id, feed.Hub!, token, secret, now, cancellationToken) is not { } subscription)
            return;
        logger.LogInformation("WebSub: subscribing {FeedUrl} (feed {FeedId}) at {Hub} (topic {Topic})", feed.Url, feed.Id, subscription.Hub, subscription.Topic);
        await RequestAsync(subscription, feed, now, renewal: false, cancellationToken);
    }

    private async Task KeepAsync(HubSubscription subscription, Feed feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var verifyTimeout = options.Value.VerifyTimeout;
        var pendingTooLong = subscription.RequestedAt is { } requested && now - requested >= verifyTimeout;
        switch (subscription.State)
        {
            case HubSubscriptionState.Subscribing when pendingTooLong || subscription.RequestedAt is null:
                await FailAsync(subscription, feed, $"the hub did not verify the subscription within {verifyTimeout}", now, keepVerified: false, cancellationToken);
                break;
            case HubSubscriptionState.Failed when subscription.RetryAt is not { } retry || retry <= now:
                logger.LogInformation("WebSub: subscribing {FeedUrl} (feed {FeedId}) at {Hub} again", feed.Url, feed.Id, subscription.Hub);
                await store.RequestedAsync(subscription.Id, now, cancellationToken);
                await RequestAsync(subscription with { Attempts = subscription.Attempts + 1 }, feed, now, renewal: false, cancellationToken);
                break;
            case HubSubscriptionState.Verified when subscription.LeaseUntil is not { } until || until <= now:
                await FailAsync(subscription, feed, "the lease ended before a renewal was verified", now, keepVerified: false, cancellationToken, retryAt: now);
                break;
            case HubSubscriptionState.Verified when pendingTooLong:
                await FailAsync(subscription, feed, $"the hub did not verify the renewal within {verifyTimeout}", now, keepVerified: true, cancellationToken);
                break;
            case HubSubscriptionState.Verified when subscription.RequestedAt is null && now >= RenewAt(subscription)
                                                   && (subscription.RetryAt is not { } retryRenewal || retryRenewal <= now):
                logger.LogInformation("WebSub: renewing {FeedUrl} (feed {FeedId}) at {Hub}; the lease ends {LeaseUntil:u}",
                    feed.Url, feed.Id, subscription.Hub, subscription.LeaseUntil);
                await store.RequestedAsync(subscription.Id, now, cancellationToken);
                await RequestAsync(subscription with { Attempts = subscription.Attempts + 1 }, feed, now, renewal: true, cancellationToken);
                break;
        }
    }

    private async Task RequestAsync(HubSubscription subscription, Feed feed, DateTimeOffset now, bool renewal, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var callback = Callback(settings.CallbackBase!, subscription.FeedId, subscription.Token);
        if (await hubs.RequestAsync(subscription, "subscribe", callback, settings.Lease, cancellationToken) is { } error)
            await FailAsync(subscription, feed, error, now, keepVerified: renewal, cancellationToken);
    }

    private async Task FailAsync(
        HubSubscription subscription, Feed feed, string error, DateTimeOffset now, bool keepVerified, CancellationToken cancellationToken,
        DateTimeOffset? retryAt = null)
    {
        var retry = retryAt ?? now + Backoff(subscription.Attempts);
        logger.LogWarning("WebSub: {FeedUrl} (feed {FeedId}) at {Hub}: {Error}; tried again at {RetryAt:u}, polled as usual meanwhile",
            feed.Url, feed.Id, subscription.Hub, error, retry);
        await store.FailedAsync(subscription.Id, error, retry, keepVerified, cancellationToken);
    }

    /// <summary>Not wanted any more: the hub is told; a hub that refuses or cannot be reached is forgotten (its pushes then find no callback).</summary>
    private async Task UnsubscribeAsync(HubSubscription subscription, Feed? feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogInformation("WebSub: unsubscribing feed {FeedId} at {Hub} (topic {Topic}): {Reason}", subscription.FeedId, subscription.Hub, subscription.Topic,
            feed is null ? "the feed was removed, purged or is gone" : feed.Hub is null ? "the feed declares no hub any more" : "the feed declares another hub or topic");
        await store.UnsubscribingAsync(subscription.Id, now, cancellationToken);
        await SendUnsubscribeAsync(subscription, cancellationToken);
    }

    private async Task FinishUnsubscribingAsync(HubSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subscription.RequestedAt is null)
        {
            // Marked when its feed was purged: the hub has not been told yet.
            logger.LogInformation("WebSub: unsubscribing purged feed {FeedId} at {Hub} (topic {Topic})", subscription.FeedId, subscription.Hub, subscription.Topic);
            await store.UnsubscribingAsync(subscription.Id, now, cancellationToken);
            await SendUnsubscribeAsync(subscription, cancellationToken);
        }
        else if (now - subscription.RequestedAt.Value >= options.Value.VerifyTimeout)
        {
            logger.LogInformation("WebSub: {Hub} did not confirm unsubscribing feed {FeedId}; the subscription is forgotten", subscription.Hub, subscription.FeedId);
            await store.DeleteAsync(subscription.Id, cancellationToken);
        }
    }

    private async Task SendUnsubscribeAsync(HubSubscription subscription, CancellationToken cancellationToken)
    {
        var callback = Callback(options.Value.CallbackBase!, subscription.FeedId, subscription.Token);
        if (await hubs.RequestAsync(subscription, "unsubscribe", callback, options.Value.Lease, cancellationToken) is { } error)
        {
            logger.LogWarning("WebSub: unsubscribing feed {FeedId} at {Hub} failed ({Error}); the subscription is forgotten", subscription.FeedId, subscription.Hub, error);
            await store.DeleteAsync(subscription.Id, cancellationToken);
        }
    }

    /// <summary>When a verified lease is renewed: once 80% of it has passed.</summary>
    public static DateTimeOffset RenewAt(HubSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var (verified, until) = (subscription.VerifiedAt ?? DateTimeOffset.MinValue, subscription.LeaseUntil ?? DateTimeOffset.MinValue);
        return until <= verified ? until : verified + (until - verified) * 0.8;
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromHours(Math.Min(Math.Pow(2, Math.Clamp(attempts - 1, 0, 5)), 24));
}
