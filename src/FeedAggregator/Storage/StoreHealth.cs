namespace FeedAggregator.Storage;

/// <summary>
/// Whether the store takes writes, as the last write found. A failure that could not be recorded
/// on any feed's row (a full disk) is still seen: /health reports it, poll --once exits 1, and
/// the poll job waits for the store instead of fetching feeds it cannot record.
/// </summary>
public sealed class StoreHealth
{
    private long _failures;
    private volatile string? _problem;

    /// <summary>Why the last write failed, or null when it succeeded.</summary>
    public string? Problem => _problem;

    /// <summary>Write failures since the process started (compare before and after a run).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public void WriteFailed(string description)
    {
        Interlocked.Increment(ref _failures);
        _problem = description;
    }

    public void WriteSucceeded() => _problem = null;
}
