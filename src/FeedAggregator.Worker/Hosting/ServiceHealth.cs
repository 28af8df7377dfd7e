using System.Data.Common;
using FeedAggregator.Fetching;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// The checks behind /health and the systemd watchdog: the store answers, and the scheduler runs
/// and its poll job has shown life (<see cref="SchedulerHeartbeat"/>) within its expected interval.
/// </summary>
internal sealed class ServiceHealth(
    IFeedStore feeds,
    ISchedulerFactory schedulers,
    SchedulerHeartbeat heartbeat,
    IOptions<PollingOptions> polling,
    IOptions<FetchingOptions> fetching,
    TimeProvider time)
{
    /// <summary>
    /// How long the poll job may show no life: a run every Polling:CheckEvery, and within a run a
    /// feed stored at least once per slowest fetch (Fetching:Timeout, or Polling:MinHostGap when
    /// one host's feeds wait their turn), twice over, plus a minute. Three minutes by default.
    /// </summary>
    public TimeSpan LateAfter
    {
        get
        {
            var slowest = fetching.Value.Timeout > polling.Value.MinHostGap ? fetching.Value.Timeout : polling.Value.MinHostGap;
            return polling.Value.CheckEvery + (slowest * 2) + TimeSpan.FromMinutes(1);
        }
    }

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        string store;
        try
        {
            await feeds.GetStateVersionAsync(cancellationToken);
            store = "ok";
        }
        catch (DbException ex)
        {
            store = "error: " + ex.Message;
        }

        var status = await (await schedulers.GetScheduler(cancellationToken)).GetStatus(cancellationToken);
        var quiet = time.GetUtcNow() - heartbeat.Last;
        var scheduler = status != SchedulerStatus.Running ? status.ToString().ToLowerInvariant()
            : quiet > LateAfter ? $"late: the poll job has shown no life for {(int)quiet.TotalSeconds} s (expected within {(int)LateAfter.TotalSeconds} s)"
            : "ok";
        return new HealthReport(store, scheduler);
    }
}

/// <summary>The outcome of <see cref="ServiceHealth.CheckAsync"/>: "ok", or what is wrong, per part.</summary>
internal sealed record HealthReport(string Store, string Scheduler)
{
    public bool Healthy => Store == "ok" && Scheduler == "ok";
}
