using FeedAggregator.WebSub;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// Keeps the WebSub subscriptions in step with the feeds (subscribe, renew, retry, unsubscribe),
/// every Polling:CheckEvery. Never throws: a store failure is logged and retried on the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WebSubJob(WebSubSubscriber subscriber, ILogger<WebSubJob> logger) : IJob
{
    public static readonly JobKey Key = new("websub");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await subscriber.MaintainAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("WebSub: stopped by shutdown");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            logger.LogError(ex, "WebSub: the store failed; the next run tries again");
        }
    }
}
