using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The real article store, with its calls recorded: lookups and saves per feed. A save can be
/// held until the test opens <see cref="SaveGate"/>, to stand for a slow disk.
/// </summary>
internal sealed class RecordingArticleStore(IArticleStore inner) : ForwardingArticleStore(inner)
{
    public ConcurrentQueue<long> Lookups { get; } = new();
    public ConcurrentQueue<(long FeedId, int Articles)> Saves { get; } = new();
    public TaskCompletionSource SaveGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource SaveEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool HoldSaves { get; init; }

    /// <summary>Documents with articles the store refuses (as a full disk would) before it takes them again.</summary>
    public int RefuseDocuments { get; set; }

    public override Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(feedId);
        return base.GetKnownAsync(feedId, keys, urls, cancellationToken);
    }

    public override async Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Saves.Enqueue((polledFeed.Id, articles.Count));
        SaveEntered.TrySetResult();
        if (HoldSaves)
            await SaveGate.Task.WaitAsync(cancellationToken);
        return await base.SaveAsync(polledFeed, articles, now, cancellationToken);
    }

    public override async Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
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

        return await base.SaveAllAsync(writes, cancellationToken);
    }
}
