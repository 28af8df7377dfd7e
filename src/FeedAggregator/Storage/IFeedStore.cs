using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>The feeds and their poll state. All SQL about feeds lives behind this.</summary>
public interface IFeedStore
{
    /// <summary>The subscribed feeds (not those removed from the OPML), by title.</summary>
    Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Feeds removed from the OPML and kept for their grace period, oldest removal first.</summary>
    Task<IReadOnlyList<Feed>> ListRemovedAsync(CancellationToken cancellationToken);

    Task<Feed?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>How many feeds <see cref="GetDueAsync"/> would return, without reading them.</summary>
    Task<int> CountDueAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribed feeds to poll now: due (or never polled), or every one with <paramref name="force"/>;
    /// never a gone feed, never one under a server's Retry-After. Oldest due first.
    /// </summary>
    Task<IReadOnlyList<Feed>> GetDueAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the subscribed feeds exactly these: adds, retitles, marks the others removed (kept,
    /// not polled, not published) and restores removed ones that are back; keeps poll state.
    /// </summary>
    Task<SubscriptionChanges> SyncSubscriptionsAsync(
        IReadOnlyList<Subscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The feed row that holds the seed corpus (created on first use; never polled).</summary>
    Task<Feed> EnsureSeedFeedAsync(string url, string title, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Changes a feed's URL after a permanent redirect; false when another feed has that URL already.</summary>
    Task<bool> MoveAsync(long id, string newUrl, CancellationToken cancellationToken);

    /// <summary>Deletes a feed for good, with its articles and tombstones; null when no feed has that URL.</summary>
    Task<PurgedFeed?> PurgeAsync(string url, CancellationToken cancellationToken);

    /// <summary>Deletes for good the feeds removed from the OPML before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<PurgedFeed>> PurgeRemovedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Makes a gone feed pollable again, now; false when no gone feed has that URL.</summary>
    Task<bool> ReactivateAsync(string url, CancellationToken cancellationToken);

    /// <summary>A number that changes whenever a feed (its poll state, its subscription) or an article changes.</summary>
    Task<long> GetStateVersionAsync(CancellationToken cancellationToken);

    /// <summary>Writes nothing readers see, to find out whether the store takes writes; throws when it does not.</summary>
    Task CheckWritableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the poll state of <paramref name="feed"/> (status, validators, errors, times, URL, title);
    /// a poll's stored result ends the feed's lease (<see cref="IPollLeases"/>).
    /// </summary>
    Task UpdatePollStateAsync(Feed feed, CancellationToken cancellationToken);
}

/// <summary>What a subscription sync changed.</summary>
/// <param name="Removed">Feeds marked removed (kept for the grace period).</param>
/// <param name="Restored">Removed feeds back in the list, with their articles.</param>
public sealed record SubscriptionChanges(int Added, int Removed, int Updated, int Restored = 0)
{
    public bool Any => Added + Removed + Updated + Restored > 0;
}

/// <summary>What deleting a feed for good took with it.</summary>
public sealed record PurgedFeed(string Url, long Articles, long Tombstones);
