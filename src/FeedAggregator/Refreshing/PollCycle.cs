using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// One pass over the feeds that are due: each refreshed once, with at most MaxConcurrency at a
/// time and MaxConcurrencyPerHost per host. A failing feed is recorded and the pass goes on.
/// </summary>
public sealed class PollCycle(
    IFeedStore feeds,
    FeedRefresher refresher,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<PollCycle> logger)
{
    // Held for the whole process: the Quartz job and a CLI run inside the service never overlap,
    // so no feed is polled twice at once.
    private static readonly SemaphoreSlim OneCycleAtATime = new(1, 1);

    public async Task<PollCycleSummary> RunAsync(bool force, CancellationToken cancellationToken)
    {
        await OneCycleAtATime.WaitAsync(cancellationToken);
        try
        {
            var due = await feeds.GetDueAsync(time.GetUtcNow(), force, cancellationToken);
            var hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
            var results = new ConcurrentBag<RefreshResult>();
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Value.MaxConcurrency,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(due, parallel, async (feed, token) =>
            {
                var host = hosts.GetOrAdd(HostOf(feed), _ => new SemaphoreSlim(options.Value.MaxConcurrencyPerHost));
                await host.WaitAsync(token);
                try
                {
                    results.Add(await RefreshOneAsync(feed, token));
                }
                finally
                {
                    host.Release();
                }
            });
            return new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]);
        }
        finally
        {
            OneCycleAtATime.Release();
        }
    }

    private async Task<RefreshResult> RefreshOneAsync(Feed feed, CancellationToken cancellationToken)
    {
        try
        {
            return await refresher.RefreshAsync(feed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or a storage fault in one feed must not stop the others; it is logged in full
            // and shown on the feed's row.
            logger.LogError(ex, "Refreshing: {FeedUrl} (feed {FeedId}) failed unexpectedly", feed.Url, feed.Id);
            var failed = feed with
            {
                Status = FeedStatus.Error,
                LastError = $"internal error: {ex.GetType().Name}: {ex.Message}",
                ConsecutiveErrors = feed.ConsecutiveErrors + 1,
                LastPolledAt = time.GetUtcNow(),
                NextPollAt = time.GetUtcNow() + options.Value.DefaultInterval,
            };
            try
            {
                await feeds.UpdatePollStateAsync(failed, cancellationToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException storeError)
            {
                logger.LogError(storeError, "Storage: could not record the failure of {FeedUrl}", feed.Url);
            }

            return new RefreshResult(failed);
        }
    }

    private static string HostOf(Feed feed) =>
        Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) ? uri.Host : feed.Url;
}
