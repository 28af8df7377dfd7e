using FeedAggregator.Model;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>Reads the merged feed from the store: the newest stories, each attributed to its sources.</summary>
public sealed class MergedFeedQuery(IArticleStore articles, IOptions<PublishingOptions> options, TimeProvider time)
{
    public const string FeedId = PublicId.TagPrefix + "merged-feed";

    public async Task<MergedFeed> GetAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // One entry per story: its earliest report, with the others linked from it.
        var stories = await articles.GetNewestStoriesAsync(settings.ItemCount, cancellationToken);
        var items = stories.Select(story => new MergedItem(story.Primary, SourceOf(story.Source, baseUrl))
        {
            AlsoReportedBy = story.Others.Select(o => new AlsoReported(SourceOf(o.Source, baseUrl), o.Article.Url, o.Article.Title)).ToList(),
        }).ToList();
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
        var id = PublicId.TagPrefix + "source:" + Processing.ArticleKey.Hash(feed.Url);
        // The seed corpus has no feed of its own: it is part of this aggregator's.
        return feed.Url == SeedImporter.SourceUrl
            ? new ArticleSource(id, new Uri(baseUrl, FeedDocument.Atom.FileName).AbsoluteUri, feed.DisplayTitle, baseUrl.AbsoluteUri)
            : new ArticleSource(id, feed.Url, feed.DisplayTitle, feed.SiteUrl);
    }
}
