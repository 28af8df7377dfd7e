using FeedAggregator.Subscriptions;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// On a shared PostgreSQL store, the OPML sync is a job of the cluster (one node at a time);
/// on SQLite the poll job syncs before each cycle instead.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SubscriptionSyncJob(SubscriptionSync subscriptions, ILogger<SubscriptionSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("sync-subscriptions");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await subscriptions.SyncAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Subscriptions: stopped by shutdown");
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogError(ex, "Subscriptions: the store failed; the next run tries again");
        }
    }
}
