using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// Removes articles older than Retention:MaxAge, leaving tombstones so that no later poll brings
/// them back, then publishes the change. Never throws: a store failure is logged and retried on
/// the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(
    IArticleStore articles,
    FeedPublisher publisher,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(RunAsync(cancellationToken));

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var maxAge = options.Value.MaxAge;
        if (maxAge <= TimeSpan.Zero)
            return;
        try
        {
            var now = time.GetUtcNow();
            var removed = await articles.RemoveOlderThanAsync(now - maxAge, now, cancellationToken);
            if (removed > 0)
            {
                logger.LogInformation("Retention: removed {Removed} articles older than {MaxAge}", removed, maxAge);
                await publisher.PublishAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Retention: stopped by shutdown");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            logger.LogError(ex, "Retention: the store failed; the next run tries again");
        }
    }
}
