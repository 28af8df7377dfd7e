namespace FeedAggregator.Model;

/// <summary>A subscription as the OPML file (or the CLI) states it.</summary>
/// <param name="Url">The feed document's URL (absolute http or https).</param>
/// <param name="Title">The title the user gave it, if any.</param>
/// <param name="Category">The OPML folder it is in, if any.</param>
/// <param name="SiteUrl">The site's home page (OPML htmlUrl), if any.</param>
/// <param name="Interval">A per-feed poll interval overriding the default, if any.</param>
public sealed record Subscription(
    string Url,
    string? Title = null,
    string? Category = null,
    string? SiteUrl = null,
    TimeSpan? Interval = null);
