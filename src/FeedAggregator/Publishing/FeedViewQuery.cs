using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>Reads one filtered or paged view of the merged feed from the store.</summary>
public sealed class FeedViewQuery(IArticleStore articles, IOptions<PublishingOptions> options, TimeProvider time)
{
    public async Task<MergedFeed> GetAsync(FeedView view, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var settings = options.Value;
        // A page far past the end is an empty page (with links back), never an overflow to page 1.
        var offset = (int)Math.Min((view.Page - 1L) * view.Limit, int.MaxValue);
        var page = await articles.QueryAsync(view.Filter, offset, view.Limit, cancellationToken);
        var items = page.Items.Select(row => new MergedItem(row.Article, MergedFeedQuery.SourceOf(row.Source, baseUrl))).ToList();
        return new MergedFeed
        {
            Title = settings.Title + Describe(view.Filter),
            Description = settings.Description,
            BaseUrl = baseUrl,
            // Each filtered view is a feed of its own; its pages share one id (RFC 5005 3).
            Id = MergedFeedQuery.FeedId + view.FeedKey,
            Updated = items.Count == 0 ? time.GetUtcNow() : items.Max(i => i.Article.LastChangedAt),
            Items = items,
            Navigation = FeedNavigation.For(view, page.Total, settings.WebSubHub),
        };
    }

    /// <summary>The paging links of the whole merged feed (its first page is rendered by <see cref="MergedFeedQuery"/>).</summary>
    public async Task<FeedNavigation> DefaultNavigationAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var all = await articles.QueryAsync(ArticleFilter.None, 0, 0, cancellationToken);
        return FeedNavigation.For(new FeedView(ArticleFilter.None, settings.ItemCount), all.Total, settings.WebSubHub);
    }

    private static string Describe(ArticleFilter filter)
    {
        var parts = new List<string>();
        if (filter.Source is { } source) parts.Add("source: " + source);
        if (filter.Category is { } category) parts.Add("category: " + category);
        if (filter.Language is { } language) parts.Add("language: " + language);
        if (filter.Text is { } text) parts.Add("search: " + text);
        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }
}
