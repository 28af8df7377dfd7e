using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.WebSub;

/// <summary>
/// Content a hub pushed to a callback (WebSub 7): the token names the subscription, the
/// signature proves the hub sent it, and the content goes through the poll's parse, process and
/// store stages into that subscription's feed, never another, and never a new one.
/// </summary>
public sealed class PushReceiver(
    IWebSubStore store,
    IFeedStore feeds,
    FeedRefresher refresher,
    IOptions<WebSubOptions> options,
    TimeProvider time,
    ILogger<PushReceiver> logger)
{
    public async Task<PushResult> ReceiveAsync(
        long feedId, string token, byte[] body, string? contentType, string? signature, string? signature256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!options.Value.Active || await store.FindAsync(token, cancellationToken) is not { } subscription || subscription.FeedId != feedId)
            return PushResult.Unknown;
        if (HubSignature.Check(subscription.Secret, body, signature, signature256) is { } bad)
        {
            // Acknowledged all the same (WebSub 8): a forger learns nothing from the answer.
            logger.LogWarning("WebSub: a push for feed {FeedId} from {Hub} was discarded: {Reason} ({Bytes} bytes)", feedId, subscription.Hub, bad, body.Length);
            await store.RejectedAsync(subscription.Id, cancellationToken);
            return PushResult.Rejected;
        }

        if (subscription.State == HubSubscriptionState.Unsubscribing
            || await feeds.GetAsync(feedId, cancellationToken) is not { RemovedAt: null, Status: not FeedStatus.Gone } feed)
            return PushResult.Unsubscribed;

        var write = await refresher.ProcessPushAsync(feed, body, contentType, new Uri(subscription.Topic), cancellationToken);
        var (added, updated) = (0, 0);
        if (write is { Articles.Count: > 0 })
        {
            var (_, result, error) = (await refresher.StoreAllAsync([write], cancellationToken))[0];
            if (error is not null)
            {
                logger.LogError(error, "WebSub: content pushed for {FeedUrl} (feed {FeedId}) could not be stored", feed.Url, feedId);
                return PushResult.Failed;
            }

            (added, updated) = (result!.Added, result.Updated);
        }

        await store.PushedAsync(subscription.Id, time.GetUtcNow(), cancellationToken);
        return new PushResult(PushOutcome.Stored, added, updated);
    }
}
