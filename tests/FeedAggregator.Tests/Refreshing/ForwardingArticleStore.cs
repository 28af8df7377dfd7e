using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The real article store behind a test double: every call passes through unless the double overrides it.</summary>
internal abstract class ForwardingArticleStore(IArticleStore inner) : IArticleStore
{
    public virtual Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken) =>
        inner.GetKnownAsync(feedId, keys, urls, cancellationToken);

    public virtual Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SaveAsync(polledFeed, articles, now, cancellationToken);

    public virtual Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) =>
        inner.SaveAllAsync(writes, cancellationToken);

    public Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken) =>
        inner.GetNewestAsync(limit, cancellationToken);

    public Task<ArticlePage> QueryAsync(ArticleFilter filter, int offset, int limit, CancellationToken cancellationToken) =>
        inner.QueryAsync(filter, offset, limit, cancellationToken);

    public Task<IReadOnlyList<StoredStory>> GetNewestStoriesAsync(int limit, CancellationToken cancellationToken) =>
        inner.GetNewestStoriesAsync(limit, cancellationToken);

    public Task<IReadOnlyList<(Article Article, Feed Source)>> GetStoryAsync(long articleId, CancellationToken cancellationToken) =>
        inner.GetStoryAsync(articleId, cancellationToken);

    public Task<long?> FindIdAsync(string publicId, CancellationToken cancellationToken) => inner.FindIdAsync(publicId, cancellationToken);

    public Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RemoveOlderThanAsync(cutoff, keepPerFeed, now, cancellationToken);

    public Task<IReadOnlyDictionary<long, int>> CountByFeedAsync(CancellationToken cancellationToken) => inner.CountByFeedAsync(cancellationToken);

    public Task<long> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

    public Task<IReadOnlyDictionary<DateTimeOffset, int>> CountNewByHourAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.CountNewByHourAsync(since, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);
}
