using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Diagnostics;

/// <summary>The "Metrics" config section: what /metrics says about each feed.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>One series per feed (seconds since its last success, its consecutive errors); off for very large lists.</summary>
    public bool PerFeed { get; set; } = true;

    /// <summary>
    /// The most feeds (and held hosts) given a series of their own: past it, the feeds worst off
    /// (most errors in a row, then longest without a success) are kept.
    /// </summary>
    [Range(0, 10000)]
    public int MaxFeedSeries { get; set; } = 500;
}
