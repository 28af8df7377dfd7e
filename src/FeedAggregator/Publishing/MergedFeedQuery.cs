using FeedAggregator.Model;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>Reads the merged feed from the store: the newest articles, each attributed to its source.</summary>
public sealed class MergedFeedQuery(IArticleStore articles, IOptions<PublishingOptions> options, TimeProvider time)
{
    public const string FeedId = SqliteArticleStore.TagPrefix + "merged-feed";

    public async Task<MergedFeed> GetAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var newest = await articles.GetNewestAsync(settings.ItemCount, cancellationToken);
        var items = newest.Select(row => new MergedItem(row.Article, SourceOf(row.Source, baseUrl))).ToList();
        return new MergedFeed
        {
            Title = settings.Title,
            Description = settings.Description,
            BaseUrl = baseUrl,
            Id = FeedId,
            Updated = items.Count == 0 ? time.GetUtcNow() : items.Max(i => i.Article.LastChangedAt),
            Items = items,
        };
    }

    internal static ArticleSource SourceOf(Feed feed, Uri baseUrl)
    {
        var id = SqliteArticleStore.TagPrefix + "source:" + Processing.ArticleKey.Hash(feed.Url);
        // The seed corpus has no feed of its own: it is part of this aggregator's.
        return feed.Url == SeedImporter.SourceUrl
            ? new ArticleSource(id, new Uri(baseUrl, FeedDocument.Atom.FileName).AbsoluteUri, feed.DisplayTitle, baseUrl.AbsoluteUri)
            : new ArticleSource(id, feed.Url, feed.DisplayTitle, feed.SiteUrl);
    }
}
