using FeedAggregator.Model;
using FeedAggregator.Storage;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The hosts a poll cycle holds and the feeds it took on each. Hands out the next feed whose host
/// may be contacted now, host after host in turn, so that the fetch workers spread over the hosts
/// rather than wait behind one host's gap. Hosts not yet started go first: every host's run of
/// requests, MinHostGap apart, begins as early as it can (a host with 20 feeds needs 19 gaps), as
/// the next host is started rather than the next feed of a started one. Not thread-safe: the
/// cycle's lock guards it.
/// </summary>
internal sealed class ClaimedHosts(int concurrencyPerHost, TimeSpan minGap)
{
    private readonly List<HostWork> _hosts = [];
    private int _cursor;
    private int _queued;
    private int _unstarted;
    // What the last look through every host found when none could go: none can before _idleUntil
    // (MaxValue: before a slot frees or a host comes). Every finished request wakes all the fetch
    // workers; without this each of them looked through every host again, twice. Only a finish
    // (a slot frees, a hold begins) or a new host lets one go sooner, and both forget it.
    private DateTimeOffset _idleUntil = DateTimeOffset.MinValue;

    /// <summary>No feed waits to be handed out (some may still be in flight).</summary>
    public bool NothingQueued => _queued == 0;

    /// <summary>A host taken in and not contacted yet (perhaps still in another poller's gap).</summary>
    public bool HasUnstarted => _unstarted > 0;

    /// <summary>Takes in a claimed host with the feeds to poll on it; null when there are none (give it back now).</summary>
    public HostWork? Add(ClaimedHost claimed, IReadOnlyCollection<Feed> feeds)
    {
        var host = new HostWork(claimed.Host, new HostGate(concurrencyPerHost, minGap, claimed.NextStartAt, claimed.HeldUntil));
        if (feeds.Count == 0)
            return host;
        foreach (var feed in feeds)
            host.Queue.Enqueue(feed);
        _queued += feeds.Count;
        _unstarted++;
        _hosts.Add(host);
        _idleUntil = DateTimeOffset.MinValue;
        return null;
    }

    /// <summary>
    /// The next feed to fetch now (its host's slot taken), or to hold without a request while its
    /// host's Retry-After runs; with <paramref name="unstartedOnly"/>, only the first feed of a host
    /// not started yet. When none can go, <paramref name="wakeAt"/> is when the earliest gap passes
    /// (null: when a request ends or more hosts come).
    /// </summary>
    public bool TryTake(DateTimeOffset now, bool unstartedOnly, out Dispatch? next, out DateTimeOffset? wakeAt)
    {
        (next, wakeAt) = (null, null);
        if (unstartedOnly && _unstarted == 0)
            return false;
        if (!unstartedOnly && now < _idleUntil)
        {
            wakeAt = _idleUntil == DateTimeOffset.MaxValue ? null : _idleUntil;
            return false;
        }

        for (var i = 0; i < _hosts.Count; i++)
        {
            var index = (_cursor + i) % _hosts.Count;
            var host = _hosts[index];
            if (host.Queue.Count == 0 || (unstartedOnly && host.Started))
                continue;

            var held = host.Gate.HeldUntil(now);
            if (held is not null || host.Gate.TryEnter(now, out var retryAt))
            {
                next = new Dispatch(host, host.Queue.Dequeue(), held);
                _queued--;
                if (!host.Started)
                    (host.Started, _unstarted) = (true, _unstarted - 1);
                _cursor = index + 1;
                return true;
            }

            if (retryAt < wakeAt || (wakeAt is null && retryAt is not null))
                wakeAt = retryAt;
        }

        if (!unstartedOnly)
            _idleUntil = wakeAt ?? DateTimeOffset.MaxValue;
        return false;
    }

    /// <summary>A feed handed out was fetched or held: its slot is free. Returns its host when the host has nothing left (give it back).</summary>
    public HostWork? Finish(Dispatch dispatch)
    {
        var host = dispatch.Host;
        _idleUntil = DateTimeOffset.MinValue;
        if (dispatch.HeldUntil is null)
            host.Gate.Exit();
        if (host.Queue.Count > 0 || !host.Gate.Idle)
            return null;

        var index = _hosts.IndexOf(host);
        _hosts.RemoveAt(index);
        if (index < _cursor)
            _cursor--;
        return host;
    }
}

/// <summary>A host this cycle holds: its politeness and the feeds still to poll on it.</summary>
internal sealed class HostWork(string name, HostGate gate)
{
    public string Name { get; } = name;
    public HostGate Gate { get; } = gate;
    public Queue<Feed> Queue { get; } = new();

    /// <summary>Its first feed was handed out.</summary>
    public bool Started { get; set; }

    /// <summary>What the next poller of this host must respect.</summary>
    public HostRelease Release() => new(Name, Gate.NextStart == DateTimeOffset.MinValue ? null : Gate.NextStart, Gate.Hold);
}

/// <summary>A feed handed to a fetch worker; <paramref name="HeldUntil"/> set means no request: its host said to wait.</summary>
internal sealed record Dispatch(HostWork Host, Feed Feed, DateTimeOffset? HeldUntil);
