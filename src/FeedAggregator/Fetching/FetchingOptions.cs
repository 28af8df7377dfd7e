namespace FeedAggregator.Fetching;

/// <summary>How politely and how far the fetcher goes: config section "Fetching".</summary>
public sealed class FetchingOptions
{
    public const string SectionName = "Fetching";

    /// <summary>The whole fetch: every redirect hop, the headers and a body that trickles in.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The body cap, counted while streaming, after decompression (a gzip bomb stops here).</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Null means "FeedAggregator/&lt;version&gt; (+https://github.com/feedaggregator/feedaggregator)".</summary>
    public string? UserAgent { get; set; }
}
