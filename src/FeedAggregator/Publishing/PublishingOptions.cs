using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Publishing;

/// <summary>The "Publishing" config section: what the merged feed is called, where it goes.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Where feed.atom, feed.rss, feed.json and index.html are written; relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OutputDirectory { get; set; } = "data/public";

    [Required(AllowEmptyStrings = false)]
    public string Title { get; set; } = "FeedAggregator";

    public string Description { get; set; } = "Every subscribed feed, merged: newest first, each article once.";

    /// <summary>
    /// The public address readers reach the service at (feed self links are built on it). Empty:
    /// the first address the service listens on.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How many articles the merged feed holds, newest first.</summary>
    [Range(1, 500)]
    public int ItemCount { get; set; } = 50;

    /// <summary>A WebSub hub (https://www.w3.org/TR/websub/): advertised as rel="hub" and pinged after each change. Empty: none.</summary>
    public string? WebSubHub { get; set; }

    /// <summary>Filtered and paged views kept rendered in memory, least recently used dropped first.</summary>
    [Range(1, 10000)]
    public int ViewCacheSize { get; set; } = 256;

    /// <summary>
    /// The most memory those views may take, all codings counted: a crawler asking for hundreds of
    /// distinct ?limit= views evicts old ones instead of growing the process.
    /// </summary>
    [Range(1024 * 1024, 4L * 1024 * 1024 * 1024)]
    public long ViewCacheBytes { get; set; } = 32 * 1024 * 1024;
}
