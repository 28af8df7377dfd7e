using FeedAggregator.Diagnostics;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The state gauges: feeds by status, due and overdue, held hosts, the store, per-feed series and their cap.</summary>
public sealed class FeedStateMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Feeds_are_counted_by_status_due_and_overdue_and_a_held_host_shows_its_time_left()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feeds = await SubscribeAsync(db, 5);
        await db.Feeds.UpdatePollStateAsync(feeds[0] with { Status = FeedStatus.Ok, LastSuccessAt = Now.AddMinutes(-10), NextPollAt = Now.AddMinutes(20) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { Status = FeedStatus.Ok, LastSuccessAt = Now.AddHours(-1), NextPollAt = Now.AddMinutes(-30) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[2] with { Status = FeedStatus.Error, ConsecutiveErrors = 3, NextPollAt = Now.AddSeconds(-30) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[3] with { Status = FeedStatus.Gone }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[4] with { Status = FeedStatus.Error, ConsecutiveErrors = 1, RetryAfter = Now.AddMinutes(5), NextPollAt = Now.AddMinutes(5) }, None);
        await using var services = Services(db, new MetricsOptions());
        var (state, gauges) = (services.GetRequiredService<FeedStateMetrics>(), new Gauges(services));

        await state.RefreshAsync(None);
        var values = gauges.Read();

        Assert.Equal(1, values.Single("feedagg.store.up"));
        Assert.Equal(2, values.Of("feedagg.feeds", "status", "ok"));
        Assert.Equal(1, values.Of("feedagg.feeds", "status", "failing"));
        Assert.Equal(1, values.Of("feedagg.feeds", "status", "gone"));
        Assert.Equal(1, values.Of("feedagg.feeds", "status", "held"));
        Assert.Equal(0, values.Of("feedagg.feeds", "status", "new"));
        Assert.Equal(2, values.Single("feedagg.feeds.due")); // the one 30 min late and the failing one now due
        Assert.Equal(1, values.Single("feedagg.feeds.overdue")); // late by more than CheckEvery (1 min)
        Assert.Equal(300, values.Of("feedagg.host.hold.remaining", "host", "a4.example"));
        Assert.Equal(3600, values.Of("feedagg.feed.since_success", "feed_id", feeds[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, values.Of("feedagg.feed.consecutive_errors", "feed_id", feeds[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, values.Single("feedagg.feed.series.omitted"));
    }

    [Fact]
    public async Task Per_feed_series_are_capped_to_the_feeds_worst_off_and_can_be_turned_off()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feeds = await SubscribeAsync(db, 4);
        await db.Feeds.UpdatePollStateAsync(feeds[3] with { Status = FeedStatus.Error, ConsecutiveErrors = 7 }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { Status = FeedStatus.Error, ConsecutiveErrors = 2 }, None);

        await using (var capped = Services(db, new MetricsOptions { MaxFeedSeries = 2 }))
        {
            await capped.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
            var values = new Gauges(capped).Read();
            Assert.Equal(
                [feeds[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), feeds[3].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                values.Tags("feedagg.feed.consecutive_errors", "feed_id").Order());
            Assert.Equal(2, values.Single("feedagg.feed.series.omitted"));
        }

        await using var off = Services(db, new MetricsOptions { PerFeed = false });
        await off.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
        var none = new Gauges(off).Read();
        Assert.Empty(none.Tags("feedagg.feed.consecutive_errors", "feed_id"));
        Assert.Equal(4, none.Single("feedagg.feed.series.omitted"));
    }

    [Fact]
    public async Task The_store_counts_articles_and_bytes_and_a_store_that_fails_reports_down_and_nothing_else()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feed = (await SubscribeAsync(db, 1))[0];
        await db.Articles.SaveAsync(feed, [new Article { Key = "k1", Title = "t", ContentHash = "h1" }, new Article { Key = "k2", Title = "u", ContentHash = "h2" }], Now, None);
        var logs = new CapturingLoggerProvider();
        await using var services = Services(db, new MetricsOptions(), logs);
        var (state, gauges) = (services.GetRequiredService<FeedStateMetrics>(), new Gauges(services));

        await state.RefreshAsync(None);
        var values = gauges.Read();
        Assert.Empty(logs.Entries);
        Assert.Equal(2, values.Single("feedagg.store.articles"));
        Assert.True(values.Single("feedagg.store.size") >= 4096);

        // The file is no database any more (as when a disk fails under it).
        db.Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllText(db.Connections.DatabasePath, new string('x', 8192));
        await state.RefreshAsync(None);
        var down = gauges.Read();
        Assert.Equal(0, down.Single("feedagg.store.up"));
        Assert.False(down.Has("feedagg.feeds"));
        Assert.False(down.Has("feedagg.store.articles"));
        var warning = Assert.Single(logs.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.StartsWith("Metrics: the store did not answer: ", warning.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(warning.Properties["Error"] as string));
    }

    private static async Task<IReadOnlyList<Feed>> SubscribeAsync(TempDatabase db, int count)
    {
        await db.Feeds.SyncSubscriptionsAsync([.. Enumerable.Range(0, count).Select(i => new Subscription($"https://a{i}.example/feed"))], Now, None);
        return [.. (await db.Feeds.ListAsync(None)).OrderBy(f => f.Url, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_feed_due_exactly_now_is_due_one_late_by_exactly_CheckEvery_is_not_yet_overdue_and_a_hold_ending_now_is_over()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feeds = await SubscribeAsync(db, 3);
        await db.Feeds.UpdatePollStateAsync(feeds[0] with { Status = FeedStatus.Ok, NextPollAt = Now }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { Status = FeedStatus.Ok, NextPollAt = Now - new PollingOptions().CheckEvery }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[2] with { Status = FeedStatus.Error, RetryAfter = Now, NextPollAt = Now.AddMinutes(5) }, None);
        await using var services = Services(db, new MetricsOptions());

        await services.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
        var values = new Gauges(services).Read();

        Assert.Equal(2, values.Single("feedagg.feeds.due"));
        Assert.Equal(0, values.Single("feedagg.feeds.overdue"));
        Assert.Equal(0, values.Of("feedagg.feeds", "status", "held"));
        Assert.Equal(1, values.Of("feedagg.feeds", "status", "failing"));
        Assert.False(values.Has("feedagg.host.hold.remaining"));
    }

    [Fact]
    public async Task A_held_host_shows_its_longest_hold_under_the_host_its_feeds_are_fetched_from_and_the_cap_keeps_the_longest_holds()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feeds = await SubscribeAsync(db, 3);
        // The first two are fetched from one host (the first through the feed it discovered there).
        await db.Feeds.UpdatePollStateAsync(feeds[0] with { DiscoveredUrl = "https://a1.example/feed.xml", RetryAfter = Now.AddMinutes(10), NextPollAt = Now.AddMinutes(10) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { RetryAfter = Now.AddMinutes(2), NextPollAt = Now.AddMinutes(2) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[2] with { RetryAfter = Now.AddMinutes(5), NextPollAt = Now.AddMinutes(5) }, None);

        await using (var all = Services(db, new MetricsOptions()))
        {
            await all.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
            var values = new Gauges(all).Read();
            Assert.Equal(600, values.Of("feedagg.host.hold.remaining", "host", "a1.example"));
            Assert.Equal(300, values.Of("feedagg.host.hold.remaining", "host", "a2.example"));
            Assert.Equal(2, values.Tags("feedagg.host.hold.remaining", "host").Count());
        }

        await using var capped = Services(db, new MetricsOptions { MaxFeedSeries = 1 });
        await capped.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
        Assert.Equal(["a1.example"], new Gauges(capped).Read().Tags("feedagg.host.hold.remaining", "host"));
    }

    [Fact]
    public async Task Among_feeds_with_as_many_errors_the_cap_keeps_the_longest_without_a_success_then_the_oldest_subscribed()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feeds = await SubscribeAsync(db, 4);
        await db.Feeds.UpdatePollStateAsync(feeds[0] with { Status = FeedStatus.Ok, LastSuccessAt = Now.AddMinutes(-10) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { Status = FeedStatus.Ok, LastSuccessAt = Now.AddHours(-2) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[2] with { Status = FeedStatus.Ok, LastSuccessAt = Now.AddHours(-1) }, None);

        Assert.Equal([feeds[3].Id], await KeptAsync(db, 1)); // never polled successfully
        Assert.Equal([feeds[1].Id, feeds[3].Id], await KeptAsync(db, 2));

        await using var fresh = await TempDatabase.CreateAsync();
        var alike = await SubscribeAsync(fresh, 3);
        Assert.Equal([alike.Min(f => f.Id)], await KeptAsync(fresh, 1));

        static async Task<long[]> KeptAsync(TempDatabase db, int cap)
        {
            await using var services = Services(db, new MetricsOptions { MaxFeedSeries = cap });
            await services.GetRequiredService<FeedStateMetrics>().RefreshAsync(None);
            return [.. new Gauges(services).Read().Tags("feedagg.feed.consecutive_errors", "feed_id")
                .Select(id => long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture)).Order()];
        }
    }

    [Fact]
    public async Task The_state_instruments_carry_the_units_their_metrics_names_end_with_and_a_help_text()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var services = Services(db, new MetricsOptions());
        services.GetRequiredService<FeedStateMetrics>();

        var instruments = new Gauges(services).Instruments();

        Assert.Equal(
            [
                ("feedagg.feed.consecutive_errors", "{error}"), ("feedagg.feed.series.omitted", "{feed}"), ("feedagg.feed.since_success", "s"),
                ("feedagg.feeds", "{feed}"), ("feedagg.feeds.due", "{feed}"), ("feedagg.feeds.overdue", "{feed}"), ("feedagg.host.hold.remaining", "s"),
                ("feedagg.store.articles", "{article}"), ("feedagg.store.size", "By"), ("feedagg.store.up", null),
            ],
            instruments.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => (i.Key, i.Value.Unit)));
        Assert.All(instruments.Values, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
    }

    private static ServiceProvider Services(TempDatabase db, MetricsOptions options, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<IFeedStore>(db.Feeds);
        services.AddSingleton<IArticleStore>(db.Articles);
        services.AddSingleton(Options.Create(new PollingOptions()));
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<Microsoft.Extensions.Logging.ILogger<FeedStateMetrics>>(logs is null
            ? NullLogger<FeedStateMetrics>.Instance
            : new Microsoft.Extensions.Logging.Logger<FeedStateMetrics>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        services.AddSingleton<FeedStateMetrics>();
        return services.BuildServiceProvider();
    }
}
