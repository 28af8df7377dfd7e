using FeedAggregator.Model;

namespace FeedAggregator.Publishing;

/// <summary>The merged feed as the writers render it: newest first, each item with its source.</summary>
public sealed record MergedFeed
{
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The public base URL, e.g. "http://localhost:5080/"; feed links are built on it.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>A stable id for the merged feed (a tag: URI).</summary>
    public required string Id { get; init; }

    /// <summary>The newest change among the items (or the time of publication when empty), UTC.</summary>
    public required DateTimeOffset Updated { get; init; }

    public IReadOnlyList<MergedItem> Items { get; init; } = [];

    /// <summary>The view's own query, its paging links and the WebSub hub.</summary>
    public FeedNavigation Navigation { get; init; } = FeedNavigation.None;
}

/// <summary>One story of the merged feed: its earliest article, the feed it came from, and the other reports.</summary>
public sealed record MergedItem(Article Article, ArticleSource Source)
{
    /// <summary>The same story from other sources (or other copies), earliest first.</summary>
    public IReadOnlyList<AlsoReported> AlsoReportedBy { get; init; } = [];
}

/// <summary>The origin of an article: what atom:source, RSS source and JSON _source show.</summary>
/// <param name="Id">A stable id for the source (a tag: URI).</param>
/// <param name="FeedUrl">The URL of the source feed document.</param>
/// <param name="Title">The source's display title.</param>
/// <param name="SiteUrl">The source's home page, if known.</param>
public sealed record ArticleSource(string Id, string FeedUrl, string Title, string? SiteUrl);
