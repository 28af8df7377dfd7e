using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Storage;

/// <summary>The "Retention" config section: how long articles are kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Articles dated (published, else first seen) longer ago than this are removed, and a
    /// tombstone keeps a later poll from adding them again. Zero keeps every article.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Articles each feed keeps whatever their age, newest first, so that a feed that rarely
    /// posts still shows its latest posts (as FreshRSS does). Zero: age alone decides.
    /// </summary>
    [Range(0, 1_000_000)]
    public int KeepPerFeed { get; set; } = 50;

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromHours(6);
}
