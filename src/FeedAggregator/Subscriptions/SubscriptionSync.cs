using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Subscriptions;

/// <summary>
/// Brings the feeds table in step with the OPML file: added, removed (kept for a grace period),
/// retitled. A file that would remove most of the feeds at once is refused unless allowed.
/// </summary>
public sealed class SubscriptionSync(
    IFeedStore feeds,
    IOptions<FeedsOptions> options,
    IOptions<SubscriptionsOptions> subscriptionOptions,
    TimeProvider time,
    ILogger<SubscriptionSync> logger)
{
    /// <summary>Removing this many feeds or fewer is never a mass removal, whatever the share.</summary>
    public const int MassRemovalFloor = 10;

    private volatile string? _refusal;

    /// <summary>Why the last sync was not applied (a mass removal), or null when it was.</summary>
    public string? Refusal => _refusal;

    /// <summary>
    /// Syncs from the OPML file; a missing or broken file changes nothing and is reported.
    /// <paramref name="allowMassRemoval"/> applies a file that removes most feeds (feeds sync --force).
    /// </summary>
    public async Task<SubscriptionChanges?> SyncAsync(CancellationToken cancellationToken, bool allowMassRemoval = false)
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
            if (await MassRemovalAsync(subscriptions, cancellationToken) is { } refusal
                && !allowMassRemoval && !subscriptionOptions.Value.AllowMassRemoval)
            {
                if (_refusal != refusal)
                    logger.LogWarning("Subscriptions: {OpmlFile} was not applied: {Refusal}", path, refusal);
                _refusal = refusal;
                return null;
            }

            var changes = await feeds.SyncSubscriptionsAsync(subscriptions, time.GetUtcNow(), cancellationToken);
            _refusal = null;
            if (changes.Removed > 0)
            {
                logger.LogWarning(
                    "Subscriptions: {Removed} feeds left {OpmlFile}; their articles leave the merged feed and are kept for {RemovedGrace} (re-add a feed to restore it)",
                    changes.Removed, path, subscriptionOptions.Value.RemovedGrace);
            }

            logger.LogInformation(
                "Subscriptions: {Count} feeds in {OpmlFile}: {Added} added, {Removed} removed, {Restored} restored, {Updated} updated",
                subscriptions.Count, path, changes.Added, changes.Removed, changes.Restored, changes.Updated);
            return changes;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A typo in the OPML must not drop every subscription: keep the last good state.
            logger.LogError("Subscriptions: {OpmlFile} was not applied: {Error}", path, ex.Message);
            return null;
        }
    }

    /// <summary>A message when applying the list would remove more than half of the feeds (and more than the floor).</summary>
    private async Task<string?> MassRemovalAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var wanted = subscriptions.Select(s => s.Url).ToHashSet(StringComparer.Ordinal);
        var current = await feeds.ListAsync(cancellationToken);
        var removing = current.Count(f => !wanted.Contains(f.Url));
        if (removing <= MassRemovalFloor || removing * 2 <= current.Count)
            return null;
        return $"it would remove {removing} of the {current.Count} subscribed feeds at once. If that is meant, run " +
               "'feedagg feeds sync --force' or set Subscriptions:AllowMassRemoval=true; otherwise restore the file";
    }
}
