namespace FeedAggregator.Publishing;

/// <summary>The three formats the merged feed is published in, with their file name and media type.</summary>
public sealed record FeedDocument(string FileName, string MediaType)
{
    public static readonly FeedDocument Atom = new("feed.atom", "application/atom+xml; charset=utf-8");
    public static readonly FeedDocument Rss = new("feed.rss", "application/rss+xml; charset=utf-8");
    public static readonly FeedDocument Json = new("feed.json", "application/feed+json; charset=utf-8");
    public static readonly FeedDocument Html = new("index.html", "text/html; charset=utf-8");

    public static IReadOnlyList<FeedDocument> All { get; } = [Atom, Rss, Json, Html];
}
