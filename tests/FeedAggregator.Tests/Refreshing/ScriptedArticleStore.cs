using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The real article store, with the batches the writer hands it recorded, its saves held until the
/// test opens <see cref="SaveGate"/> (a slow disk), and the entry lookups of the feeds a test
/// names failing as a bug would.
/// </summary>
internal sealed class ScriptedArticleStore(IArticleStore inner) : ForwardingArticleStore(inner)
{
    public ConcurrentQueue<int> Batches { get; } = new();
    public TaskCompletionSource SaveGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool HoldSaves { get; init; }
    public ConcurrentDictionary<long, Exception> LookupFaults { get; } = new();

    /// <summary>Thrown by every save (the store as a whole fails, not one document).</summary>
    public Exception? SaveFault { get; init; }

    public override Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken) =>
        LookupFaults.TryGetValue(feedId, out var fault) ? Task.FromException<KnownEntries>(fault) : base.GetKnownAsync(feedId, keys, urls, cancellationToken);

    public override async Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        Batches.Enqueue(writes.Count);
        if (SaveFault is not null)
            throw SaveFault;
        if (HoldSaves)
            await SaveGate.Task.WaitAsync(cancellationToken);
        return await base.SaveAllAsync(writes, cancellationToken);
    }
}
