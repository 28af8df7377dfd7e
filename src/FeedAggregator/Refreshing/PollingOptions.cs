using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Refreshing;

/// <summary>The "Polling" config section: when feeds are polled and how many at once.</summary>
public sealed class PollingOptions : IValidatableObject
{
    public const string SectionName = "Polling";

    /// <summary>
    /// How often a feed is polled while nothing better is known: its OPML outline gives no
    /// interval and its entries carry too few dates to tell how often it posts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The shortest interval between two polls of a feed after a success, whatever it asks.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest interval between two polls of a feed after a success, however rarely it posts.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest a failing feed backs off to; it is never given up.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the scheduler looks for feeds that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Feeds fetched at once, in all.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Feeds fetched at once from one host.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinHostGap { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fetched documents that may wait for processing, and processed ones for storing: the bound
    /// that keeps a slow disk from piling documents up in memory. It is also the most documents
    /// the writer stores in one transaction: 16 share their commit, their search-index segment and
    /// the pages they touch in common, a first poll of 10,000 feeds 12% faster than 4 at the same
    /// peak; 32 and 64 were no faster and held 10 and 50 MB more.
    /// </summary>
    [Range(1, 1024)]
    public int QueueCapacity { get; set; } = 16;

    /// <summary>
    /// How long a poller's hold on a feed or a host lasts unless renewed (a running poll renews
    /// it): when a process dies mid-poll, another takes its feeds after this. Longer than
    /// Fetching:Timeout, so that a slow fetch is never polled twice at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(5);
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinInterval > MaxInterval)
            yield return new ValidationResult("Polling:MinInterval must not be longer than Polling:MaxInterval.", [nameof(MinInterval), nameof(MaxInterval)]);
    }
}
