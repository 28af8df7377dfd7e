using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Subscriptions;

/// <summary>The "Subscriptions" config section: what happens to feeds that leave the OPML file.</summary>
public sealed class SubscriptionsOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>
    /// How long a feed removed from the OPML keeps its articles and poll state, so that re-adding
    /// it restores them. After that it is purged for good by the retention job.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan RemovedGrace { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Apply a sync that removes more than half of the feeds (and more than
    /// <see cref="SubscriptionSync.MassRemovalFloor"/>) at once. Off: such a sync is refused and
    /// reported, since it is far more often a truncated or wrong file than a decision.
    /// </summary>
    public bool AllowMassRemoval { get; set; }
}
