using System.Data.Common;
using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// Gauges of the store's state: feeds by status, due and overdue, hosts held, articles stored,
/// the database's size and, per feed (capped, can be turned off), the time since its last
/// success and its errors in a row. They read a snapshot that <see cref="RefreshAsync"/> takes
/// (the service does so before each scrape), so a scrape never runs a query inside a callback.
/// </summary>
public sealed class FeedStateMetrics
{
    private readonly IFeedStore _feeds;
    private readonly IArticleStore _articles;
    private readonly IOptions<PollingOptions> _polling;
    private readonly IOptions<MetricsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedStateMetrics> _logger;
    private volatile FeedStateSnapshot? _snapshot;

    public FeedStateMetrics(
        IMeterFactory meters, IFeedStore feeds, IArticleStore articles, IOptions<PollingOptions> polling, IOptions<MetricsOptions> options,
        TimeProvider time, ILogger<FeedStateMetrics> logger)
    {
        (_feeds, _articles, _polling, _options, _time, _logger) = (feeds, articles, polling, options, time, logger);
        var meter = Metering.Create(meters);
        meter.CreateObservableGauge("feedagg.store.up", () => _snapshot is null ? 0 : 1, null,
            "1 when the store answered the last scrape's queries, else 0 (and the other state gauges are absent).");
        meter.CreateObservableGauge("feedagg.feeds", () => Each<int>(s => s.ByStatus.Select(p => Measure(p.Value, "status", p.Key))), "{feed}",
            "Subscribed feeds by status: ok, failing, gone, held (under a host's Retry-After), new (not polled yet).");
        meter.CreateObservableGauge("feedagg.feeds.due", () => Each<int>(s => [new Measurement<int>(s.Due)]), "{feed}",
            "Feeds whose next poll time has come (or that were never polled).");
        meter.CreateObservableGauge("feedagg.feeds.overdue", () => Each<int>(s => [new Measurement<int>(s.Overdue)]), "{feed}",
            "Feeds due for longer than Polling:CheckEvery: the scheduler is behind.");
        meter.CreateObservableGauge("feedagg.host.hold.remaining", () => Each<double>(s => s.HostHolds.Select(p => Measure(p.Value, "host", p.Key))), "s",
            "Per host under a Retry-After: the seconds left before it may be asked again.");
        meter.CreateObservableGauge("feedagg.store.articles", () => Each<long>(s => [new Measurement<long>(s.Store.Articles)]), "{article}",
            "Articles stored.");
        meter.CreateObservableGauge("feedagg.store.size", () => Each<long>(s => [new Measurement<long>(s.Store.Bytes)]), "By",
            "The database's size.");
        meter.CreateObservableGauge("feedagg.feed.since_success", () => Each<double>(s => s.PerFeed
                .Where(f => f.SinceSuccess is not null).Select(f => Measure(f.SinceSuccess!.Value, "feed_id", f.Id))), "s",
            "Per feed (Metrics:PerFeed, at most Metrics:MaxFeedSeries): seconds since its last successful poll; absent for a feed never polled successfully.");
        meter.CreateObservableGauge("feedagg.feed.consecutive_errors", () => Each<int>(s => s.PerFeed.Select(f => Measure(f.Errors, "feed_id", f.Id))), "{error}",
            "Per feed (Metrics:PerFeed, at most Metrics:MaxFeedSeries): failed polls in a row.");
        meter.CreateObservableGauge("feedagg.feed.series.omitted", () => Each<int>(s => [new Measurement<int>(s.Omitted)]), "{feed}",
            "Feeds left without a series of their own by Metrics:MaxFeedSeries (or all of them with Metrics:PerFeed off).");
    }

    /// <summary>Reads the store now; on a store failure the state gauges report nothing and store.up is 0.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var feeds = await _feeds.ListAsync(cancellationToken);
            var store = await _articles.GetStatisticsAsync(cancellationToken);
            _snapshot = FeedStateSnapshot.Take(feeds, store, _time.GetUtcNow(), _polling.Value.CheckEvery, _options.Value);
        }
        catch (DbException ex)
        {
            _snapshot = null;
            _logger.LogWarning("Metrics: the store did not answer: {Error}", ex.Message);
        }
    }

    private IEnumerable<Measurement<T>> Each<T>(Func<FeedStateSnapshot, IEnumerable<Measurement<T>>> measure)
        where T : struct => _snapshot is { } snapshot ? measure(snapshot) : [];

    private static Measurement<T> Measure<T>(T value, string tag, object tagValue)
        where T : struct => new(value, Metering.Tag(tag, tagValue));
}

/// <summary>What the state gauges report, taken at one moment.</summary>
internal sealed record FeedStateSnapshot(
    IReadOnlyDictionary<string, int> ByStatus, int Due, int Overdue, IReadOnlyDictionary<string, double> HostHolds,
    StoreStatistics Store, IReadOnlyList<FeedSeries> PerFeed, int Omitted)
{
    public static FeedStateSnapshot Take(
        IReadOnlyList<Feed> feeds, StoreStatistics store, DateTimeOffset now, TimeSpan checkEvery, MetricsOptions options)
    {
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal) { ["ok"] = 0, ["failing"] = 0, ["gone"] = 0, ["held"] = 0, ["new"] = 0 };
        int due = 0, overdue = 0;
        var holds = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in feeds)
        {
            var held = feed.RetryAfter > now;
            byStatus[feed.Status switch
            {
                FeedStatus.Gone => "gone",
                _ when held => "held",
                FeedStatus.Error => "failing",
                FeedStatus.Ok => "ok",
                _ => "new",
            }]++;
            if (held && Uri.TryCreate(feed.DiscoveredUrl ?? feed.Url, UriKind.Absolute, out var url))
                holds[url.Host] = Math.Max(holds.GetValueOrDefault(url.Host), (feed.RetryAfter!.Value - now).TotalSeconds);
            if (feed.Status is FeedStatus.Gone || held || feed.NextPollAt > now)
                continue;
            due++;
            if (feed.NextPollAt < now - checkEvery)
                overdue++;
        }

        // The feeds worst off keep their series: most errors in a row, then longest without a success.
        var cap = options.PerFeed ? options.MaxFeedSeries : 0;
        var perFeed = feeds
            .OrderByDescending(f => f.ConsecutiveErrors)
            .ThenBy(f => f.LastSuccessAt ?? DateTimeOffset.MinValue)
            .ThenBy(f => f.Id)
            .Take(cap)
            .Select(f => new FeedSeries(f.Id, f.ConsecutiveErrors, f.LastSuccessAt is { } success ? (now - success).TotalSeconds : null))
            .ToList();
        // Hosts are not feeds: Metrics:PerFeed leaves them, the cap still bounds them.
        var heldHosts = holds.OrderByDescending(h => h.Value).Take(options.MaxFeedSeries).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new FeedStateSnapshot(byStatus, due, overdue, heldHosts, store, perFeed, feeds.Count - perFeed.Count);
    }
}

/// <summary>One feed's series.</summary>
internal sealed record FeedSeries(long Id, int Errors, double? SinceSuccess);
