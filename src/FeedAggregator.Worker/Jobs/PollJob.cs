using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Subscriptions;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// The recurring poll: picks up OPML edits, refreshes the feeds that are due, publishes what
/// changed. Never throws: a failing feed is recorded on its row by the poll cycle.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollJob(SubscriptionSync subscriptions, PollCycle cycle, FeedPublisher publisher, ILogger<PollJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            // Re-reading the OPML on every run is how an edit of the file takes effect without a
            // restart (within Polling:CheckEvery).
            await subscriptions.SyncAsync(cancellationToken);

            // The first run after a start follows downtime: overdue feeds are spread, not fired at once.
            var summary = await cycle.RunAsync(force: false, cancellationToken, spreadOverdue: context.PreviousFireTimeUtc is null);
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
    }
}
