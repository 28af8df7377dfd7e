using System.Data.Common;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The network side of one poll pass. MaxConcurrency fetch workers each take the next feed whose
/// host may be contacted now, breadth first: the first feed of a host not started yet, else (once
/// every host held has started) one of them claims more hosts from the store with their due
/// feeds, else the next feed of a started host; claiming ends when a claim finds none. A host is
/// given back, with its gap and hold, as soon as its last feed is fetched; the leases are renewed
/// while the pass runs.
/// </summary>
internal sealed class PollCycleRun(
    IPollLeases leases,
    IFeedStore feeds,
    PollSchedule schedule,
    string owner,
    PollingOptions settings,
    TimeProvider time,
    ILogger logger,
    bool force,
    bool spreadOverdue,
    PollMetrics? metrics = null)
{
    private readonly Lock _lock = new();
    private readonly ClaimedHosts _hosts = new(settings.MaxConcurrencyPerHost, settings.MinHostGap);
    private readonly List<Task> _releases = [];
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private TaskCompletionSource _changed = NewSignal();
    private bool _claiming;
    private bool _exhausted;
    private int _spread;

    /// <summary>Fetches every feed this pass takes and hands each on to the pipeline.</summary>
    public async Task FetchAllAsync(PollPipeline pipeline, CancellationToken cancellationToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(renewing.Token);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, settings.MaxConcurrency).Select(_ => Task.Run(() => FetchAsync(pipeline, cancellationToken), cancellationToken)));
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            Task[] releases;
            lock (_lock)
                releases = [.. _releases];
            await Task.WhenAll(releases);
        }

        if (_spread > 0)
            logger.LogInformation("Polling: {Overdue} overdue feeds spread over their next interval", _spread);
    }

    private async Task FetchAsync(PollPipeline pipeline, CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } dispatch)
        {
            FetchedFeed? fetched = null;
            try
            {
                // The host's slot is held for the request only: processing and storing go on in the
                // pipeline's own stages while this worker fetches the next feed.
                fetched = dispatch.HeldUntil is { } until ? Hold(dispatch.Feed, until) : await pipeline.FetchAsync(dispatch.Feed, cancellationToken);
            }
            finally
            {
                Finish(dispatch, fetched?.Done is { Held: false, Feed.RetryAfter: { } retryAfter } ? retryAfter : null);
            }

            await pipeline.EnqueueAsync(fetched, cancellationToken);
        }
    }

    /// <summary>The next feed to fetch or hold; null when this pass has nothing left to take.</summary>
    private async Task<Dispatch?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool claim;
            Task changed;
            DateTimeOffset? wakeAt;
            lock (_lock)
            {
                // Breadth first: a host not started yet, else more hosts, else the next feed of a
                // started one. A poller takes hosts as fast as it can start them, so pollers that
                // run together share the hosts in proportion to what each can do.
                var now = time.GetUtcNow();
                if (_hosts.TryTake(now, unstartedOnly: true, out var next, out wakeAt))
                    return next;
                claim = !_exhausted && !_claiming && !_hosts.HasUnstarted;
                if (!claim && _hosts.TryTake(now, unstartedOnly: false, out next, out wakeAt))
                    return next;
                if (!claim && !_claiming && _exhausted && _hosts.NothingQueued)
                    return null;
                _claiming |= claim;
                changed = _changed.Task;
            }

            if (claim)
                await ClaimAsync(cancellationToken);
            else
                await WaitAsync(changed, wakeAt, cancellationToken);
        }
    }

    /// <summary>Takes more hosts and their feeds; a claim that finds none ends the taking for this pass.</summary>
    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ClaimedHost> claimed = [];
        var taken = new List<(ClaimedHost Host, IReadOnlyList<Feed> Feeds)>();
        try
        {
            var now = time.GetUtcNow();
            claimed = await leases.ClaimAsync(
                new PollClaim(owner, now, now + settings.LeaseTimeout, force, _start), Math.Max(settings.MaxConcurrency, 4), cancellationToken);
            foreach (var host in claimed)
                taken.Add((host, spreadOverdue ? await SpreadOverdueAsync(host.Feeds, now, cancellationToken) : host.Feeds));
        }
        finally
        {
            lock (_lock)
            {
                foreach (var (host, toPoll) in taken)
                {
                    if (_hosts.Add(host, [.. toPoll]) is { } nothingToDo)
                        GiveBack(nothingToDo);
                }

                // A failed claim ends the taking too; the error goes up from this worker.
                _exhausted = claimed.Count == 0;
                _claiming = false;
                Signal();
            }
        }
    }

    // After downtime, feeds overdue by more than CheckEvery are moved into their next interval
    // rather than fired at once; storing the new time ends their lease.
    private async Task<IReadOnlyList<Feed>> SpreadOverdueAsync(IReadOnlyList<Feed> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toPoll = new List<Feed>(claimed.Count);
        foreach (var feed in claimed)
        {
            if (feed.NextPollAt is { } next && next < now - settings.CheckEvery)
            {
                await feeds.UpdatePollStateAsync(feed with { NextPollAt = schedule.Spread(feed, now) }, cancellationToken);
                Interlocked.Increment(ref _spread);
            }
            else
            {
                toPoll.Add(feed);
            }
        }

        return toPoll;
    }

    /// <summary>A feed was fetched (or held): its slot frees, and a Retry-After it brought holds its host.</summary>
    private void Finish(Dispatch dispatch, DateTimeOffset? retryAfter)
    {
        lock (_lock)
        {
            if (retryAfter is { } until)
            {
                dispatch.Host.Gate.Holds(until);
                metrics?.HostHeld();
            }

            if (_hosts.Finish(dispatch) is { } done)
                GiveBack(done);
            Signal();
        }
    }

    // Under the lock. The host goes back with its gap and hold, so that the next poller of it (in
    // this process or another) waits as this one would have.
    private void GiveBack(HostWork host) => _releases.Add(ReleaseAsync(host.Release()));

    private async Task ReleaseAsync(HostRelease release)
    {
        try
        {
            await leases.ReleaseHostAsync(owner, release, CancellationToken.None);
        }
        catch (DbException ex)
        {
            logger.LogWarning("Polling: could not give back host {Host}; its lease expires by itself: {Error}", release.Host, ex.Message);
        }
    }

    private async Task WaitAsync(Task changed, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        if (wakeAt is not { } at)
        {
            await changed.WaitAsync(cancellationToken);
            return;
        }

        var delay = at - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
            return;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, time, wake.Token);
        await Task.WhenAny(changed, timer);
        await wake.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    // While the pass runs, its leases are extended well before they expire; a pass that stalls
    // longer than LeaseTimeout (a dead process) loses them to the other pollers.
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.LeaseTimeout / 3, time, cancellationToken);
                var now = time.GetUtcNow();
                try
                {
                    await leases.RenewAsync(owner, now, now + settings.LeaseTimeout, cancellationToken);
                }
                catch (DbException ex)
                {
                    logger.LogWarning("Polling: could not renew the leases of {Poller}: {Error}", owner, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The pass ended.
        }
    }

    /// <summary>The host said to come back later: this feed waits too, without a request.</summary>
    private FetchedFeed Hold(Feed feed, DateTimeOffset until)
    {
        var held = feed with { RetryAfter = until, NextPollAt = until };
        logger.LogInformation("Polling: {FeedUrl} (feed {FeedId}) waits for its host's Retry-After until {RetryAfter:u}", feed.Url, feed.Id, until);
        var now = time.GetUtcNow();
        return new FetchedFeed(feed, held, Fetch: null, now, Done: new FeedWrite(held, now, Held: true, Outcome: PollOutcome.Held));
    }

    // Wakes every waiting worker: a slot freed, a host came or went, the taking ended.
    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
