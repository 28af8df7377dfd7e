namespace FeedAggregator.Parsing;

/// <summary>The document formats; the names are the <c>format</c> values of <c>parse --json</c>.</summary>
public enum FeedFormat
{
    Rss20,
    Rss10,
    Rss09x,
    Atom10,
    Atom03,
    Json11,
    Json10,
}
