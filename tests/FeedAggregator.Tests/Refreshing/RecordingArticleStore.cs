using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The real article store, with its calls recorded: lookups and saves per feed. A save can be
/// held until the test opens <see cref="SaveGate"/>, to stand for a slow disk.
/// </summary>
internal sealed class RecordingArticleStore(IArticleStore inner) : IArticleStore
{
    public ConcurrentQueue<long> Lookups { get; } = new();
    public ConcurrentQueue<(long FeedId, int Articles)> Saves { get; } = new();
    public TaskCompletionSource SaveGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource SaveEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool HoldSaves { get; init; }

    /// <summary>Documents with articles the store refuses (as a full disk would) before it takes them again.</summary>
    public int RefuseDocuments { get; set; }

    public Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(feedId);
        return inner.GetKnownAsync(feedId, keys, urls, cancellationToken);
    }

    public async Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Saves.Enqueue((polledFeed.Id, articles.Count));
        SaveEntered.TrySetResult();
        if (HoldSaves)
            await SaveGate.Task.WaitAsync(cancellationToken);
        return await inner.SaveAsync(polledFeed, articles, now, cancellationToken);
    }

    public async Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes.Where(w => w.Articles is not null))
            Saves.Enqueue((write.Feed.Id, write.Articles!.Count));
        if (writes.Any(w => w.Articles is not null))
            SaveEntered.TrySetResult();
        if (HoldSaves)
            await SaveGate.Task.WaitAsync(cancellationToken);
        if (RefuseDocuments > 0 && writes.Any(w => w.Articles is not null))
        {
            RefuseDocuments--;
            return [.. writes.Select(_ => new StoreOutcome(null, new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13)))];
        }

        return await inner.SaveAllAsync(writes, cancellationToken);
    }

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
