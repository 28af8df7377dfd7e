using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Subscriptions;

/// <summary>Brings the feeds table in step with the OPML file: added, removed, retitled.</summary>
public sealed class SubscriptionSync(
    IFeedStore feeds,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<SubscriptionSync> logger)
{
    /// <summary>Syncs from the OPML file; a missing or broken file changes nothing and is reported.</summary>
    public async Task<SubscriptionChanges?> SyncAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.File;
        if (!File.Exists(path))
        {
            logger.LogWarning("Subscriptions: no OPML file at {OpmlFile}; the subscriptions are unchanged", path);
            return null;
        }

        try
        {
            var subscriptions = OpmlFile.Read(path);
            var changes = await feeds.SyncSubscriptionsAsync(subscriptions, time.GetUtcNow(), cancellationToken);
            logger.LogInformation(
                "Subscriptions: {Count} feeds in {OpmlFile}: {Added} added, {Removed} removed, {Updated} updated",
                subscriptions.Count, path, changes.Added, changes.Removed, changes.Updated);
            return changes;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A typo in the OPML must not drop every subscription: keep the last good state.
            logger.LogError("Subscriptions: {OpmlFile} was not applied: {Error}", path, ex.Message);
            return null;
        }
    }
}
