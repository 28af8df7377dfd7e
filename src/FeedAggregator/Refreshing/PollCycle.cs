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
    ILogger<PollCycle> logger)
{
    // One pass at a time in this process (the Quartz job and a CLI run inside the service); the
    // leases keep this process's passes apart from other processes'.
    private readonly SemaphoreSlim _oneCycleAtATime = new(1, 1);
    private int _runs;

    /// <param name="force">Poll every active feed now (never a gone one, never under Retry-After).</param>
    /// <param name="spreadOverdue">
    /// After downtime: reschedule feeds overdue by more than CheckEvery across their next
    /// interval instead of firing them all at once.
    /// </param>
    public async Task<PollCycleSummary> RunAsync(bool force, CancellationToken cancellationToken, bool spreadOverdue = false)
    {
        await _oneCycleAtATime.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var results = new ConcurrentBag<RefreshResult>();
            // Each pass leases under a name of its own: a forced pass knows the feeds it polled itself.
            var owner = $"{poller.Name}#{++_runs}";
            var run = new PollCycleRun(leases, feeds, schedule, owner, settings, time, logger, force, spreadOverdue && !force);
            try
            {
                await using var pipeline = new PollPipeline(refresher, settings.QueueCapacity, results, logger, time, settings.DefaultInterval, cancellationToken);
                await run.FetchAllAsync(pipeline, pipeline.Token);
                await pipeline.CompleteAsync();
            }
            finally
            {
                await ReleaseLeftoversAsync(owner, settings.MinHostGap);
            }

            return new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]);
        }
        finally
        {
            _oneCycleAtATime.Release();
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
