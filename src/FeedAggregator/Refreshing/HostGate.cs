namespace FeedAggregator.Refreshing;

/// <summary>
/// The politeness towards one host while this poller holds it: at most N requests at once, a
/// minimum gap between the starts of two requests, and a hold while the host's Retry-After runs.
/// It starts from what the store says of the host (another poller's last request, its hold) and
/// goes back to the store when the host is given back. Not thread-safe: its owner's lock guards it.
/// </summary>
internal sealed class HostGate(int concurrency, TimeSpan minGap, DateTimeOffset? nextStart = null, DateTimeOffset? heldUntil = null)
{
    private int _inFlight;
    private DateTimeOffset? _heldUntil = heldUntil;

    /// <summary>The earliest the next request may start: the last one's start plus the gap.</summary>
    public DateTimeOffset NextStart { get; private set; } = nextStart ?? DateTimeOffset.MinValue;

    /// <summary>The host's Retry-After, whether or not it has passed.</summary>
    public DateTimeOffset? Hold => _heldUntil;

    public bool Idle => _inFlight == 0;

    /// <summary>When the host asked us to come back, if it did and that is still ahead of <paramref name="now"/>.</summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset now) => _heldUntil > now ? _heldUntil : null;

    /// <summary>Holds the host until <paramref name="until"/> (a later hold wins).</summary>
    public void Holds(DateTimeOffset until)
    {
        if (_heldUntil is null || until > _heldUntil)
            _heldUntil = until;
    }

    /// <summary>
    /// Takes a slot for a request starting now, when one is free and the gap has passed. Otherwise
    /// <paramref name="retryAt"/> says when the gap passes (null: when a request ends).
    /// </summary>
    public bool TryEnter(DateTimeOffset now, out DateTimeOffset? retryAt)
    {
        if (_inFlight >= concurrency)
        {
            retryAt = null;
            return false;
        }

        if (NextStart > now)
        {
            retryAt = NextStart;
            return false;
        }

        _inFlight++;
        NextStart = now + minGap;
        retryAt = null;
        return true;
    }

    /// <summary>A request entered with <see cref="TryEnter"/> ended.</summary>
    public void Exit() => _inFlight--;
}
