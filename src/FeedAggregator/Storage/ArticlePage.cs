using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>One page of a filtered query, newest first, and how many articles match in all.</summary>
public sealed record ArticlePage(IReadOnlyList<(Article Article, Feed Source)> Items, int Total);
