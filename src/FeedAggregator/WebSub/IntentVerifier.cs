using System.Globalization;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.WebSub;

/// <summary>
/// Answers a hub's verification of intent (WebSub 5.3): the challenge is echoed only for a mode
/// and topic this subscription asked for: subscribe while the feed still wants it, unsubscribe
/// while it is being unsubscribed. Anything else is 404. A denial marks the subscription failed.
/// </summary>
public sealed class IntentVerifier(
    IWebSubStore store, IFeedStore feeds, IOptions<WebSubOptions> options, TimeProvider time, ILogger<IntentVerifier> logger)
{
    /// <summary>The longest lease believed: a hub granting more is renewed within this anyway.</summary>
    private static readonly TimeSpan MaxLease = TimeSpan.FromDays(365);

    /// <summary>The challenge to echo with 200, or null for 404.</summary>
    public async Task<string?> VerifyAsync(
        long feedId, string token, string? mode, string? topic, string? challenge, string? leaseSeconds, string? reason,
        CancellationToken cancellationToken)
    {
        if (!options.Value.Active || await store.FindAsync(token, cancellationToken) is not { } subscription || subscription.FeedId != feedId)
            return null;
        if (topic != subscription.Topic)
        {
            logger.LogWarning("WebSub: {Hub} verified topic {Topic} for feed {FeedId}, which subscribed to {SubscribedTopic}: refused",
                subscription.Hub, topic, feedId, subscription.Topic);
            return null;
        }

        var now = time.GetUtcNow();
        switch (mode)
        {
            case "subscribe" when subscription.State != HubSubscriptionState.Unsubscribing && !string.IsNullOrEmpty(challenge):
                if (await feeds.GetAsync(feedId, cancellationToken) is not { RemovedAt: null, Status: not FeedStatus.Gone } feed)
                    return null;
                var lease = LeaseOf(leaseSeconds) ?? options.Value.Lease;
                await store.VerifiedAsync(subscription.Id, now, now + lease, renewal: subscription.State == HubSubscriptionState.Verified, cancellationToken);
                logger.LogInformation("WebSub: {Hub} verified the subscription of {FeedUrl} (feed {FeedId}); lease until {LeaseUntil:u}",
                    subscription.Hub, feed.Url, feedId, now + lease);
                return challenge;
            case "unsubscribe" when subscription.State == HubSubscriptionState.Unsubscribing && !string.IsNullOrEmpty(challenge):
                await store.DeleteAsync(subscription.Id, cancellationToken);
                logger.LogInformation("WebSub: {Hub} verified unsubscribing feed {FeedId}", subscription.Hub, feedId);
                return challenge;
            case "denied" when subscription.State != HubSubscriptionState.Unsubscribing:
                var error = "the hub denied the subscription" + (string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason.Trim());
                logger.LogWarning("WebSub: feed {FeedId} at {Hub}: {Error}; polled as usual", feedId, subscription.Hub, error);
                await store.FailedAsync(subscription.Id, error, now + TimeSpan.FromDays(1), keepVerified: false, cancellationToken);
                return "";
            default:
                logger.LogWarning("WebSub: {Hub} asked to verify {Mode} of feed {FeedId}, which was not asked for (subscription {State}): refused",
                    subscription.Hub, mode, feedId, subscription.State);
                return null;
        }
    }

    private static TimeSpan? LeaseOf(string? seconds) =>
        long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(Math.Min(value, MaxLease.TotalSeconds))
            : null;
}
