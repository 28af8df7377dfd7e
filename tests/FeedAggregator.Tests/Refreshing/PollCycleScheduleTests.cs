using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The adaptive schedule: hints from the document and the headers, clamps, skips, spread.</summary>
public sealed class PollCycleScheduleTests
{
    [Theory]
    [InlineData(null, 30)]                   // the configured interval
    [InlineData("max-age=7200", 120)]        // raised by Cache-Control
    [InlineData("max-age=60", 30)]           // a shorter hint never lowers it
    [InlineData("max-age=604800", 1440)]     // clamped to 24 h
    public async Task Cache_control_max_age_raises_the_interval_within_the_clamp(string? cacheControl, int minutes)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            if (cacheControl is not null)
                context.Response.Headers.CacheControl = cacheControl;
            return context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask();
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();

        Assert.Equal(PollHarness.Start.AddMinutes(minutes), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
    }

    [Fact]
    public async Task Expires_raises_the_interval_and_a_304_keeps_the_hint()
    {
        var calls = 0;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.Headers.Date = "Mon, 02 Mar 2026 09:00:00 GMT";
            context.Response.Headers.Expires = "Mon, 02 Mar 2026 10:00:00 GMT";
            context.Response.Headers.ETag = "\"x\"";
            if (calls++ > 0)
                context.Response.StatusCode = 304;
            else
                await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();
        Assert.Equal(PollHarness.Start.AddHours(1), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
        poll.Time.Advance(TimeSpan.FromHours(1));
        await poll.PollAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(PollHarness.Start.AddHours(2), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
    }

    [Fact]
    public async Task Rss_ttl_and_sy_update_period_raise_the_interval_and_skip_hours_and_days_are_honoured()
    {
        // Monday 09:00 UTC; ttl 90 min beats sy (daily / 24 = 60 min): 10:30, in skipHours 10 and 11, so 12:00.
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Fixture("hinted.rss.xml")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();

        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.Hint);
        Assert.Equal(PollHarness.Start.Date.AddHours(12), feed.NextPollAt!.Value.UtcDateTime);
    }

    [Fact]
    public async Task A_skip_day_moves_the_next_poll_to_the_next_allowed_day()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Fixture("hinted.rss.xml")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        poll.Time.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(14) + TimeSpan.FromMinutes(45)); // Saturday 23:45

        await poll.PollAsync();

        // 01:15 Sunday is skipped as a day: Monday 00:00.
        Assert.Equal(PollHarness.Start.Date.AddDays(7), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt!.Value.UtcDateTime);
    }

    [Fact]
    public async Task A_per_feed_interval_below_five_minutes_is_raised_to_five()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([]);
        poll.WriteOpml([new Subscription(server.Url("/feed").AbsoluteUri, Interval: TimeSpan.FromMinutes(1))]);
        await poll.Sync.SyncAsync(CancellationToken.None);

        await poll.PollAsync();

        Assert.Equal(PollHarness.Start.AddMinutes(5), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
    }

    [Fact]
    public async Task After_downtime_overdue_feeds_are_spread_over_the_next_interval_not_fired_at_once()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
            routes.MapGet("/feed/{n}", (HttpContext c) => c.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask()));
        var urls = Enumerable.Range(1, 20).Select(n => server.Url($"/feed/{n}")).ToList();
        await using var poll = await PollHarness.CreateAsync(urls);
        await poll.PollAsync();
        poll.Time.Advance(TimeSpan.FromDays(2)); // the service was down

        var restart = await poll.PollAsync(spreadOverdue: true);

        Assert.Equal(0, restart.Polled);
        Assert.Equal(20, server.Requests.Count);
        var now = poll.Time.GetUtcNow();
        var next = (await poll.Db.Feeds.ListAsync(CancellationToken.None)).Select(f => f.NextPollAt!.Value).ToList();
        Assert.All(next, n => Assert.InRange(n, now, now.AddMinutes(30)));
        Assert.True(next.Distinct().Count() > 10);
        var spread = Assert.Single(poll.Logs.Entries, e => e.Message.Contains("overdue feeds spread", StringComparison.Ordinal));
        Assert.Equal((LogLevel.Information, 20), (spread.Level, spread.Properties["Overdue"]));

        // They then come due a few at a time.
        poll.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await poll.PollAsync();
        Assert.InRange(later.Polled, 1, 19);
    }

    [Fact]
    public async Task With_spreading_on_a_feed_late_by_less_than_CheckEvery_is_polled_not_spread()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        await poll.PollAsync();
        var next = (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt!.Value;
        poll.Time.Advance(next - poll.Time.GetUtcNow() + TimeSpan.FromSeconds(30)); // CheckEvery is a minute

        var restart = await poll.PollAsync(spreadOverdue: true);

        Assert.Equal(1, restart.Polled);
        Assert.Equal(2, server.Requests.Count);
        Assert.DoesNotContain(poll.Logs.Entries, e => e.Message.Contains("overdue feeds spread", StringComparison.Ordinal));
    }
}
