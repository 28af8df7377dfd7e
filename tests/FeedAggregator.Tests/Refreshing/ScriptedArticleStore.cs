using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The real article store, with the batches the writer hands it recorded, its saves held until the
/// test opens <see cref="SaveGate"/> (a slow disk), and the entry lookups of the feeds a test
/// names failing as a bug would.
/// </summary>
internal sealed class ScriptedArticleStore(IArticleStore inner) : IArticleStore
{
    public ConcurrentQueue<int> Batches { get; } = new();
    public TaskCompletionSource SaveGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool HoldSaves { get; init; }
    public ConcurrentDictionary<long, Exception> LookupFaults { get; } = new();

    /// <summary>Thrown by every save (the store as a whole fails, not one document).</summary>
    public Exception? SaveFault { get; init; }

    public Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken) =>
        LookupFaults.TryGetValue(feedId, out var fault) ? Task.FromException<KnownEntries>(fault) : inner.GetKnownAsync(feedId, keys, urls, cancellationToken);

    public async Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        Batches.Enqueue(writes.Count);
        if (SaveFault is not null)
            throw SaveFault;
        if (HoldSaves)
            await SaveGate.Task.WaitAsync(cancellationToken);
        return await inner.SaveAllAsync(writes, cancellationToken);
    }

    public Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SaveAsync(polledFeed, articles, now, cancellationToken);

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
