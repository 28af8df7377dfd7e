namespace FeedAggregator.Parsing;

/// <summary>
/// What an RSS channel says about how often to poll it: ttl, sy:updatePeriod/updateFrequency,
/// skipHours (UTC hours 0-23) and skipDays. Absent values are null or empty.
/// </summary>
public sealed record PollHints
{
    public static readonly PollHints None = new();

    /// <summary>The longest of ttl and the syndication module's period / frequency.</summary>
    public TimeSpan? Interval { get; init; }

    public IReadOnlySet<int> SkipHours { get; init; } = new HashSet<int>();
    public IReadOnlySet<DayOfWeek> SkipDays { get; init; } = new HashSet<DayOfWeek>();
}
