using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Jobs;

/// <summary>
/// What every node of a PostgreSQL cluster does on its own, outside the clustered scheduler (whose
/// jobs run on one node at a time): a poll node runs a poll cycle every Polling:CheckEvery, taking
/// its share of the due feeds by lease; a serve node re-renders its cache when the store version
/// in the database moved, so that a change another node made is served within one CheckEvery.
/// </summary>
internal sealed class ClusterNodeLoop(
    PollCycle cycle,
    FeedPublisher publisher,
    NodeRoles roles,
    IOptions<PollingOptions> polling,
    TimeProvider time,
    ILogger<ClusterNodeLoop> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            roles.Polls ? PollAsync(stoppingToken) : Task.CompletedTask,
            roles.Serves ? RefreshAsync(stoppingToken) : Task.CompletedTask);

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        // The first cycle after a start follows downtime: overdue feeds are spread, not fired at once.
        var first = true;
        while (await NextAsync(first, cancellationToken))
        {
            try
            {
                var summary = await cycle.RunAsync(force: false, cancellationToken, spreadOverdue: first);
                if (summary.Polled > 0)
                {
                    logger.LogInformation(
                        "Polling: {Polled} feeds polled, {Failed} failed, {Added} new articles, {Updated} updated",
                        summary.Polled, summary.Failed, summary.Added, summary.Updated);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Polling: stopped by shutdown");
            }
            catch (System.Data.Common.DbException ex)
            {
                logger.LogError(ex, "Polling: the store failed; the next run tries again");
            }

            first = false;
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(first: false, cancellationToken))
        {
            try
            {
                // One cheap query when nothing changed; the files and WebSub are the clustered publish job's.
                await publisher.PublishAsync(cancellationToken, writeOutputs: false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (System.Data.Common.DbException ex)
            {
                logger.LogError(ex, "Publishing: the store failed; serving the last rendering");
            }
        }
    }

    /// <summary>Waits one CheckEvery (not before the first poll); false at shutdown.</summary>
    private async Task<bool> NextAsync(bool first, CancellationToken cancellationToken)
    {
        if (first)
            return !cancellationToken.IsCancellationRequested;
        try
        {
            await Task.Delay(polling.Value.CheckEvery, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
