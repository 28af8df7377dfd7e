using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>What a poll pass did, feed by feed.</summary>
public sealed record PollCycleSummary(IReadOnlyList<RefreshResult> Results)
{
    public int Polled => Results.Count;
    public int Failed => Results.Count(r => !r.Held && r.Status is FeedStatus.Error or FeedStatus.Gone);
    public int Held => Results.Count(r => r.Held);
    public int Added => Results.Sum(r => r.Added);
    public int Updated => Results.Sum(r => r.Updated);
}
