namespace FeedAggregator.Publishing;

/// <summary>Another report of a merged item's story: the source and its own link and title.</summary>
public sealed record AlsoReported(ArticleSource Source, string? Url, string Title);
