using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using FeedAggregator.Worker.Hosting;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// The recurring poll: picks up OPML edits, refreshes the feeds that are due, publishes what
/// changed. Never throws: a failing feed is recorded on its row by the poll cycle.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob(
    SubscriptionSync subscriptions, PollCycle cycle, FeedPublisher publisher, IFeedStore feeds, StoreHealth storeHealth, SchedulerHeartbeat heartbeat,
    ILogger<PollJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        heartbeat.Beat();
        try
        {
            // A store that refused a write is tried before any feed is fetched: a fetch whose
            // result cannot be recorded would only be repeated, every run, at the site's expense.
            if (storeHealth.Problem is { } problem && !await StoreTakesWritesAsync(cancellationToken))
            {
                logger.LogWarning("Polling: skipped: {StoreProblem}", problem);
                return;
            }

            // Re-reading the OPML on every run is how an edit of the file takes effect without a
            // restart (within Polling:CheckEvery).
            await subscriptions.SyncAsync(cancellationToken);

            // The first run after a start follows downtime: overdue feeds are spread, not fired at once.
            // Each feed stored is a sign of life for /health and the watchdog, however long the run.
            var summary = await cycle.RunAsync(
                force: false, cancellationToken, spreadOverdue: context.PreviousFireTimeUtc is null, progress: new HeartbeatProgress(heartbeat));
            if (summary.Polled > 0)
            {
                logger.LogInformation(
                    "Polling: {Polled} feeds polled, {Failed} failed, {Added} new articles, {Updated} updated",
                    summary.Polled, summary.Failed, summary.Added, summary.Updated);
            }

            await publisher.PublishAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Polling: stopped by shutdown");
        }
        catch (System.Data.Common.DbException ex)
        {
            // The store is unavailable (disk full, locked, removed): /health shows it; retry next run.
            logger.LogError(ex, "Polling: the store failed; the next run tries again");
        }
        finally
        {
            heartbeat.Beat();
        }
    }

    private sealed class HeartbeatProgress(SchedulerHeartbeat heartbeat) : IProgress<PollProgress>
    {
        public void Report(PollProgress value) => heartbeat.Beat();
    }

    private async Task<bool> StoreTakesWritesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await feeds.CheckWritableAsync(cancellationToken);
            logger.LogInformation("Polling: the store takes writes again");
            return true;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
