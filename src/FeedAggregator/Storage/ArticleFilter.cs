namespace FeedAggregator.Storage;

/// <summary>
/// Which articles a view of the merged feed shows; null means "any". All conditions apply.
/// </summary>
/// <param name="Source">The source feed's URL, or its title (case-insensitive).</param>
/// <param name="Category">An article category or the feed's OPML category (case-insensitive).</param>
/// <param name="Language">A language tag: "ar" also matches "ar-EG".</param>
/// <param name="Text">Words that must all occur (full-text search); no query syntax.</param>
public sealed record ArticleFilter(string? Source = null, string? Category = null, string? Language = null, string? Text = null)
{
    public static readonly ArticleFilter None = new();
}
