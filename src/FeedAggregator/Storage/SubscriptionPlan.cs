using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>
/// What a subscription sync writes, worked out once for every provider: feeds to add, removed ones
/// back in the list (restored with their articles and poll state), retitled or recategorised ones,
/// and those no longer listed (marked removed, never deleted: one bad edit of the OPML must not
/// lose what was stored). The first of two subscriptions to one URL wins.
/// </summary>
internal sealed record SubscriptionPlan(
    IReadOnlyList<Subscription> Add,
    IReadOnlyList<long> Restore,
    IReadOnlyList<(long Id, Subscription Subscription)> Update,
    IReadOnlyList<long> Remove)
{
    public SubscriptionChanges Changes => new(Add.Count, Remove.Count, Update.Count, Restore.Count);

    /// <param name="existing">Every OPML feed row, removed ones included.</param>
    public static SubscriptionPlan Of(IReadOnlyList<Subscription> subscriptions, IEnumerable<FeedRow> existing)
    {
        var byUrl = existing.ToDictionary(r => r.Url, StringComparer.Ordinal);
        List<Subscription> add = [];
        List<long> restore = [];
        List<(long, Subscription)> update = [];
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscription in subscriptions)
        {
            if (!wanted.Add(subscription.Url))
                continue;
            if (!byUrl.TryGetValue(subscription.Url, out var row))
            {
                add.Add(subscription);
                continue;
            }

            if (row.RemovedAt is not null)
                restore.Add(row.Id);
            if ((subscription.Title is not null && row.Title != subscription.Title) || row.Category != subscription.Category
                || row.IntervalSeconds != IntervalSeconds(subscription)
                || (subscription.SiteUrl is not null && row.SiteUrl != subscription.SiteUrl))
                update.Add((row.Id, subscription));
        }

        return new SubscriptionPlan(add, restore, update, [.. byUrl.Values.Where(r => r.RemovedAt is null && !wanted.Contains(r.Url)).Select(r => r.Id)]);
    }

    public static long? IntervalSeconds(Subscription subscription) => (long?)subscription.Interval?.TotalSeconds;
}
