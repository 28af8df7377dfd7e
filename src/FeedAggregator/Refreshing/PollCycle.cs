using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// One pass over the feeds that are due: each refreshed once, with at most MaxConcurrency at a
/// time and, per host, MaxConcurrencyPerHost, MinHostGap between requests and the host's
/// Retry-After. A failing feed is recorded and the pass goes on.
/// </summary>
public sealed class PollCycle(
    IFeedStore feeds,
    FeedRefresher refresher,
    PollSchedule schedule,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<PollCycle> logger)
{
    // Held for the whole process: the Quartz job and a CLI run inside the service never overlap,
    // so no feed is polled twice at once.
    private static readonly SemaphoreSlim OneCycleAtATime = new(1, 1);

    /// <param name="force">Poll every active feed now (never a gone one, never under Retry-After).</param>
    /// <param name="spreadOverdue">
    /// After downtime: reschedule feeds overdue by more than CheckEvery across their next
    /// interval instead of firing them all at once.
    /// </param>
    public async Task<PollCycleSummary> RunAsync(bool force, CancellationToken cancellationToken, bool spreadOverdue = false)
    {
        await OneCycleAtATime.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var now = time.GetUtcNow();
            var due = await feeds.GetDueAsync(now, force, cancellationToken);
            if (spreadOverdue && !force)
                due = await SpreadOverdueAsync(due, now, settings.CheckEvery, cancellationToken);

            var gates = new ConcurrentDictionary<string, HostGate>(StringComparer.OrdinalIgnoreCase);
            HostGate GateOf(string host) => gates.GetOrAdd(host, _ => new HostGate(settings.MaxConcurrencyPerHost, settings.MinHostGap, time));
            foreach (var held in await feeds.GetHeldAsync(now, cancellationToken))
                GateOf(HostOf(held)).Hold(held.RetryAfter!.Value);

            var results = new ConcurrentBag<RefreshResult>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Interleave(due), parallel, async (feed, token) =>
            {
                var gate = GateOf(HostOf(feed));
                using (await gate.EnterAsync(token))
                {
                    var result = gate.HeldUntil is { } until
                        ? await HoldAsync(feed, until, token)
                        : await RefreshOneAsync(feed, token);
                    if (result.Feed.RetryAfter is { } retryAfter && !result.Held)
                        gate.Hold(retryAfter);
                    results.Add(result);
                }
            });
            return new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]);
        }
        finally
        {
            OneCycleAtATime.Release();
        }
    }

    /// <summary>
    /// Orders the feeds host by host in turn (a, b, c, a, b, c...), so that the workers spread over
    /// the hosts instead of queueing behind one host's gap.
    /// </summary>
    private static IEnumerable<Feed> Interleave(IReadOnlyList<Feed> due)
    {
        var queues = due.GroupBy(HostOf, StringComparer.OrdinalIgnoreCase).Select(g => new Queue<Feed>(g)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues)
                yield return queue.Dequeue();
            queues.RemoveAll(q => q.Count == 0);
        }
    }

    private async Task<IReadOnlyList<Feed>> SpreadOverdueAsync(
        IReadOnlyList<Feed> due, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var pollNow = new List<Feed>(due.Count);
        var spread = 0;
        foreach (var feed in due)
        {
            if (feed.NextPollAt is { } next && next < now - grace)
            {
                await feeds.UpdatePollStateAsync(feed with { NextPollAt = schedule.Spread(feed, now) }, cancellationToken);
                spread++;
            }
            else
            {
                pollNow.Add(feed);
            }
        }

        if (spread > 0)
            logger.LogInformation("Polling: {Overdue} overdue feeds spread over their next interval", spread);
        return pollNow;
    }

    /// <summary>The host said to come back later: this feed waits too, without a request.</summary>
    private async Task<RefreshResult> HoldAsync(Feed feed, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var held = feed with { RetryAfter = until, NextPollAt = until };
        logger.LogInformation("Polling: {FeedUrl} (feed {FeedId}) waits for its host's Retry-After until {RetryAfter:u}", feed.Url, feed.Id, until);
        await feeds.UpdatePollStateAsync(held, cancellationToken);
        return new RefreshResult(held, Held: true);
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

    // The host actually requested: the discovered feed URL when the subscription is an HTML page.
    private static string HostOf(Feed feed) =>
        Uri.TryCreate(feed.DiscoveredUrl ?? feed.Url, UriKind.Absolute, out var uri) ? uri.Host : feed.Url;
}
