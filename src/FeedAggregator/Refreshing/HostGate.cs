namespace FeedAggregator.Refreshing;

/// <summary>
/// The politeness of one poll cycle towards one host: at most N requests at once, a minimum gap
/// between the starts of two requests, and a hold while the host's Retry-After runs.
/// </summary>
internal sealed class HostGate(int concurrency, TimeSpan minGap, TimeProvider time)
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private DateTimeOffset? _heldUntil;

    /// <summary>When the host asked us to come back, if it did and that is still ahead.</summary>
    public DateTimeOffset? HeldUntil
    {
        get
        {
            lock (_lock)
                return _heldUntil > time.GetUtcNow() ? _heldUntil : null;
        }
    }

    /// <summary>Holds the host until <paramref name="until"/> (a later hold wins).</summary>
    public void Hold(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (_heldUntil is null || until > _heldUntil)
                _heldUntil = until;
        }
    }

    /// <summary>Waits for a slot and for the gap since the previous request; dispose to free the slot.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            DateTimeOffset start;
            var now = time.GetUtcNow();
            lock (_lock)
            {
                start = _nextStart > now ? _nextStart : now;
                _nextStart = start + minGap;
            }

            if (start > now)
                await Task.Delay(start - now, time, cancellationToken);
            return new Slot(_slots);
        }
        catch (OperationCanceledException)
        {
            _slots.Release();
            throw;
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
