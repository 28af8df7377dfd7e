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
    ILogger<PollCycle> logger,
    PollMetrics? metrics = null)
{
    // Held for the whole process: the Quartz job and a CLI run inside the service never overlap,
    // so no feed is polled twice at once.
    private static readonly SemaphoreSlim OneCycleAtATime = new(1, 1);

    private volatile PollCycleRun? _last;

    /// <summary>The last cycle of this process that polled at least one feed, if any.</summary>
    public PollCycleRun? Last => _last;

    /// <param name="force">Poll every active feed now (never a gone one, never under Retry-After).</param>
    /// <param name="spreadOverdue">
    /// After downtime: reschedule feeds overdue by more than CheckEvery across their next
    /// interval instead of firing them all at once.
    /// </param>
    /// <param name="progress">Told the number of due feeds, then of each feed stored (from one task, in order).</param>
    public async Task<PollCycleSummary> RunAsync(
        bool force, CancellationToken cancellationToken, bool spreadOverdue = false, IProgress<PollProgress>? progress = null)
    {
        await OneCycleAtATime.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var started = time.GetTimestamp();
            var now = time.GetUtcNow();
            var due = await feeds.GetDueAsync(now, force, cancellationToken);
            if (spreadOverdue && !force)
                due = await SpreadOverdueAsync(due, now, settings.CheckEvery, cancellationToken);

            var gates = new ConcurrentDictionary<string, HostGate>(StringComparer.OrdinalIgnoreCase);
            HostGate GateOf(string host) => gates.GetOrAdd(host, _ => new HostGate(settings.MaxConcurrencyPerHost, settings.MinHostGap, time));
            foreach (var held in await feeds.GetHeldAsync(now, cancellationToken))
                GateOf(HostOf(held)).Hold(held.RetryAfter!.Value);

            progress?.Report(new PollProgress(due.Count, 0, 0, null));
            var results = new ConcurrentBag<RefreshResult>();
            try
            {
                await using (var pipeline = new PollPipeline(
                                 refresher, settings.QueueCapacity, results, logger, time, settings.DefaultInterval, cancellationToken, metrics, progress, due.Count))
                {
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = pipeline.Token };
                    await Parallel.ForEachAsync(Interleave(due), parallel, async (feed, token) =>
                    {
                        // The host's slot is held for the request only: processing and storing go on
                        // in the pipeline's own stages while this worker fetches the next feed.
                        var gate = GateOf(HostOf(feed));
                        FetchedFeed fetched;
                        using (await gate.EnterAsync(token))
                        {
                            fetched = gate.HeldUntil is { } until ? Hold(feed, until) : await pipeline.FetchAsync(feed, token);
                            if (fetched.Done is { Held: false, Feed.RetryAfter: { } retryAfter })
                            {
                                gate.Hold(retryAfter);
                                metrics?.HostHeld();
                            }
                        }

                        await pipeline.EnqueueAsync(fetched, token);
                    });
                    await pipeline.CompleteAsync();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped (shutdown, a signal): the write under way was finished by the pipeline,
                // what was not stored stays due. The caller still gets what was done.
                return new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]) { Interrupted = true, Due = due.Count };
            }

            var summary = new PollCycleSummary([.. results.OrderBy(r => r.Feed.Id)]) { Due = due.Count };
            if (summary.Polled > 0)
            {
                var duration = time.GetElapsedTime(started);
                metrics?.CycleEnded(duration);
                _last = new PollCycleRun(now, duration, summary.Polled, summary.Failed);
            }

            return summary;
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
    private FetchedFeed Hold(Feed feed, DateTimeOffset until)
    {
        var held = feed with { RetryAfter = until, NextPollAt = until };
        logger.LogInformation("Polling: {FeedUrl} (feed {FeedId}) waits for its host's Retry-After until {RetryAfter:u}", feed.Url, feed.Id, until);
        var now = time.GetUtcNow();
        return new FetchedFeed(feed, held, Fetch: null, now, Done: new FeedWrite(held, now, Held: true, Outcome: PollOutcome.Held));
    }

    // The host actually requested: the discovered feed URL when the subscription is an HTML page.
    private static string HostOf(Feed feed) =>
        Uri.TryCreate(feed.DiscoveredUrl ?? feed.Url, UriKind.Absolute, out var uri) ? uri.Host : feed.Url;
}
