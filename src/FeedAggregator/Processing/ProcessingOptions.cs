using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Processing;

/// <summary>The "Processing" config section: what one entry's processing may cost.</summary>
public sealed class ProcessingOptions
{
    public const string SectionName = "Processing";

    /// <summary>
    /// The time one entry's processing (sanitize, text, fingerprint) may take. Past it, what is left
    /// of the entry is stored as its text, cut, with a warning on the feed's status.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxEntryTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The HTML kept of one entry's content or summary, in UTF-8 bytes; longer HTML is cut there, with a warning.</summary>
    [Range(4096, 256 * 1024 * 1024)]
    public int MaxEntryHtmlBytes { get; set; } = 1024 * 1024;
}
