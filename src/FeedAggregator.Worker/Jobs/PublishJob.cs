using FeedAggregator.Publishing;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// Re-renders the merged feed when the store changed outside a poll (a CLI command, a seed
/// import). One cheap query when nothing changed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PublishJob(FeedPublisher publisher, ILogger<PublishJob> logger) : IJob
{
    public static readonly JobKey Key = new("publish");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Publishing: stopped by shutdown");
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogError(ex, "Publishing: the store failed; serving the last rendering");
        }
    }
}
