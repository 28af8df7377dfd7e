using System.Collections.Concurrent;
using System.Data.Common;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// One pass over the feeds that are due: each refreshed once, with at most MaxConcurrency at a
/// time and, per host, MaxConcurrencyPerHost, MinHostGap between requests and the host's
/// Retry-After. Other processes on the same store run their own passes: each takes hosts and
/// their due feeds under leases in the store (<see cref="IPollLeases"/>), so no feed is fetched by
/// two at once and no host is contacted by two. A failing feed is recorded and the pass goes on.
/// </summary>
public sealed class PollCycle(
    IPollLeases leases,
    IFeedStore feeds,
    FeedRefresher refresher,
    PollSchedule schedule,
    PollerIdentity poller,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<PollCycle> logger,
    PollMetrics? metrics = null)
{
    // One pass at a time in this process (the Quartz job and a CLI run inside the service); the
    // leases keep this process's passes apart from other processes'.
    private readonly SemaphoreSlim _oneCycleAtATime = new(1, 1);
    private int _runs;

    private volatile FinishedPollCycle? _last;

    /// <summary>The last cycle of this process that polled at least one feed, if any.</summary>
    public FinishedPollCycle? Last => _last;

    /// <param name="force">Poll every active feed now (never a gone one, never under Retry-After).</param>
    /// <param name="spreadOverdue">
    /// After downtime: reschedule feeds overdue by more than CheckEvery across their next
    /// interval instead of firing them all at once.
    /// </param>
    /// <param name="progress">Told the number of due feeds, then of each feed stored (from one task, in order).</param>
    public async Task<PollCycleSummary> RunAsync(
        bool force, CancellationToken cancellationToken, bool spreadOverdue = false, IProgress<PollProgress>? progress = null)
    {
        await _oneCycleAtATime.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var started = time.GetTimestamp();
            var now = time.GetUtcNow();
            // What is due when the pass starts, for the progress total and a stop's summary; the
            // pass itself takes its feeds host by host under leases, and other pollers take some.
            var due = await feeds.CountDueAsync(now, force, cancellationToken);
            progress?.Report(new PollProgress(due, 0, 0, null));
            var results = new ConcurrentBag<RefreshResult>();
            await TakeBackFromEndedPollersAsync(now, settings.MinHostGap, cancellationToken);
            // Each pass leases under a name of its own: a forced pass knows the feeds it polled itself.
            var owner = $"{poller.Name}#{++_runs}";
            var run = new PollCycleRun(leases, feeds, schedule, owner, settings, time, logger, force, spreadOverdue && !force, metrics);
            try
            {
                await using var pipeline = new PollPipeline(
                    refresher, settings.QueueCapacity, results, logger, time, settings.DefaultInterval, cancellationToken, metrics, progress, due);
                await run.FetchAllAsync(pipeline, pipeline.Token);
                await pipeline.CompleteAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (shutdown, a signal): the write under way was finished by the pipeline,
                // what was not stored stays due. The caller still gets what was done.
                return new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]) { Interrupted = true, Due = due };
            }
            finally
            {
                await ReleaseLeftoversAsync(owner, settings.MinHostGap);
            }

            var summary = new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]) { Due = due };
            if (summary.Polled > 0)
            {
                var duration = time.GetElapsedTime(started);
                metrics?.CycleEnded(duration);
                _last = new FinishedPollCycle(now, duration, summary.Polled, summary.Failed);
            }

            return summary;
        }
        finally
        {
            _oneCycleAtATime.Release();
        }
    }

    // The leases of a process of this machine that has ended (kill -9, or a poll --once whose store
    // refused to take them back) go back now rather than after Polling:LeaseTimeout. A store that
    // refuses this write fails the pass like any other store failure: the feeds behind those
    // leases could not be recorded either.
    private async Task TakeBackFromEndedPollersAsync(DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken)
    {
        foreach (var holder in await leases.ListHoldersAsync(now, cancellationToken))
        {
            if (!PollerIdentity.HasEndedHere(holder))
                continue;
            await leases.ReleaseAllAsync(holder, now, gap, cancellationToken);
            logger.LogInformation("Polling: took back the leases of {Poller}, a process of this machine that has ended", holder);
        }
    }

    // After a pass (whole or cut short), what it took and did not poll goes back at once, rather
    // than when its leases expire.
    private async Task ReleaseLeftoversAsync(string owner, TimeSpan gap)
    {
        try
        {
            await leases.ReleaseAllAsync(owner, time.GetUtcNow(), gap, CancellationToken.None);
        }
        catch (DbException ex)
        {
            logger.LogWarning("Polling: could not give back the leases of {Poller}; they expire by themselves: {Error}", owner, ex.Message);
        }
    }
}
