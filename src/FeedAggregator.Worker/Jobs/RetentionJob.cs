using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// Removes articles older than Retention:MaxAge, leaving tombstones so that no later poll brings
/// them back, and purges feeds removed from the OPML longer than Subscriptions:RemovedGrace ago,
/// then publishes the change. Never throws: a store failure is logged and retried on the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(
    IArticleStore articles,
    IFeedStore feeds,
    FeedPublisher publisher,
    IOptions<RetentionOptions> options,
    IOptions<SubscriptionsOptions> subscriptions,
    TimeProvider time,
    ILogger<RetentionJob> logger,
    ArticleMetrics? metrics = null) : IJob
{
    public static readonly JobKey Key = new("retention");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(RunAsync(cancellationToken));

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var maxAge = options.Value.MaxAge;
        try
        {
            var now = time.GetUtcNow();
            var removed = maxAge <= TimeSpan.Zero ? 0 : await articles.RemoveOlderThanAsync(now - maxAge, options.Value.KeepPerFeed, now, cancellationToken);
            metrics?.Removed(removed);
            if (removed > 0)
                logger.LogInformation("Retention: removed {Removed} articles older than {MaxAge}", removed, maxAge);

            var grace = subscriptions.Value.RemovedGrace;
            foreach (var purged in await feeds.PurgeRemovedBeforeAsync(now - grace, cancellationToken))
            {
                logger.LogWarning(
                    "Retention: purged {FeedUrl}, removed from the OPML more than {RemovedGrace} ago: {Articles} articles and {Tombstones} tombstones deleted for good",
                    purged.Url, grace, purged.Articles, purged.Tombstones);
            }

            if (removed > 0)
                await publisher.PublishAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Retention: stopped by shutdown");
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogError(ex, "Retention: the store failed; the next run tries again");
        }
    }
}
