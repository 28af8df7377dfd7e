using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>What a poll pass did, feed by feed.</summary>
public sealed record PollCycleSummary(IReadOnlyList<RefreshResult> Results)
{
    /// <summary>The cycle was stopped before every due feed was polled.</summary>
    public bool Interrupted { get; init; }

    /// <summary>How many feeds were due when the cycle began.</summary>
    public int Due { get; init; }

    public int Polled => Results.Count;
    public int Failed => Results.Count(r => !r.Held && r.Status is FeedStatus.Error or FeedStatus.Gone);
    public int Held => Results.Count(r => r.Held);
    public int Added => Results.Sum(r => r.Added);
    public int Updated => Results.Sum(r => r.Updated);
}
