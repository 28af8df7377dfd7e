using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The posting-rate schedule through a real poll on a fake clock: a feed is polled again after a
/// quarter of the mean gap between its recent posts, within [Polling:MinInterval, Polling:MaxInterval].
/// </summary>
public sealed class PostingRateScheduleTests
{
    private static readonly DateTimeOffset Now = PollHarness.Start;

    [Fact]
    public async Task An_hourly_feed_is_polled_about_every_quarter_hour()
    {
        // 20 posts an hour apart, the newest 30 minutes ago: 19.5 h over 19 gaps.
        var next = await NextPollAfterAsync(Enumerable.Range(0, 20).Select(i => Ago(TimeSpan.FromMinutes(30 + 60 * i))));

        AssertMilliseconds(TimeSpan.FromHours(19.5) / 19 / 4, next);
        Assert.InRange(next, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_daily_feed_is_polled_about_every_six_hours()
    {
        var next = await NextPollAfterAsync(Enumerable.Range(0, 10).Select(i => Ago(TimeSpan.FromHours(1 + 24 * i))));

        Assert.InRange(next, TimeSpan.FromHours(6), TimeSpan.FromHours(6.1));
    }

    [Fact]
    public async Task A_yearly_feed_is_polled_once_a_day_the_longest_interval()
    {
        // Nothing in the last 30 days: the newest 20 entries (here all 5) are the sample.
        var next = await NextPollAfterAsync(Enumerable.Range(0, 5).Select(i => Ago(TimeSpan.FromDays(100 + 365 * i))));

        Assert.Equal(TimeSpan.FromDays(1), next);
    }

    [Fact]
    public async Task Polling_MaxInterval_is_the_longest_and_MinInterval_the_shortest()
    {
        var yearly = Enumerable.Range(0, 5).Select(i => Ago(TimeSpan.FromDays(100 + 365 * i)));
        Assert.Equal(TimeSpan.FromHours(12), await NextPollAfterAsync(yearly, o => o.MaxInterval = TimeSpan.FromHours(12)));

        // 60 posts a minute apart: a quarter minute, raised to the shortest.
        var flood = Enumerable.Range(0, 60).Select(i => Ago(TimeSpan.FromMinutes(i)));
        Assert.Equal(TimeSpan.FromMinutes(5), await NextPollAfterAsync(flood));
        Assert.Equal(TimeSpan.FromMinutes(2), await NextPollAfterAsync(flood, o => o.MinInterval = TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task A_bursty_feed_is_polled_at_its_average_rate_not_its_burst_rate()
    {
        // Four bursts of five posts a minute apart, one burst a day at 08:00: 20 posts over three
        // days and an hour. The bursts alone would say a minute, the days alone six hours.
        var dates = Enumerable.Range(0, 4).SelectMany(day => Enumerable.Range(0, 5).Select(i => Ago(TimeSpan.FromDays(day) + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(i))));

        var next = await NextPollAfterAsync(dates);

        AssertMilliseconds((TimeSpan.FromDays(3) + TimeSpan.FromMinutes(64)) / 19 / 4, next);
        Assert.InRange(next, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task A_feed_without_dates_is_polled_at_the_default_interval()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), await NextPollAfterAsync(Enumerable.Repeat<DateTimeOffset?>(null, 20)));
        // Nor does one date given to every entry (a generator that stamps the build time).
        Assert.Equal(TimeSpan.FromMinutes(45), await NextPollAfterAsync(
            Enumerable.Repeat(Ago(TimeSpan.FromHours(1)), 20), o => o.DefaultInterval = TimeSpan.FromMinutes(45)));
    }

    [Fact]
    public async Task A_feed_with_one_dated_entry_is_polled_at_a_quarter_of_its_age()
    {
        Assert.Equal(TimeSpan.FromHours(2), await NextPollAfterAsync([null, Ago(TimeSpan.FromHours(8)), null]));
    }

    [Fact]
    public async Task Future_dates_are_left_out_and_a_feed_of_only_future_dates_gets_the_default()
    {
        var hourly = Enumerable.Range(0, 20).Select(i => Ago(TimeSpan.FromMinutes(30 + 60 * i))).ToList();
        var scheduled = Enumerable.Range(1, 10).Select(i => (DateTimeOffset?)Now.AddDays(30 * i));

        Assert.Equal(await NextPollAfterAsync(hourly), await NextPollAfterAsync(scheduled.Concat(hourly)));
        Assert.Equal(TimeSpan.FromMinutes(30), await NextPollAfterAsync(scheduled));
    }

    [Fact]
    public async Task The_feeds_own_hint_wins_when_longer_and_its_OPML_interval_wins_over_the_rate()
    {
        var hourly = Enumerable.Range(0, 20).Select(i => Ago(TimeSpan.FromMinutes(30 + 60 * i))).ToList();
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.CacheControl = "max-age=3600";
            return context.Response.Body.WriteAsync(Feeds.RssDated(hourly)).AsTask();
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        await poll.PollAsync();
        Assert.Equal(Now.AddHours(1), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);

        poll.WriteOpml([new FeedAggregator.Model.Subscription(server.Url("/feed").AbsoluteUri, Interval: TimeSpan.FromMinutes(90))]);
        await poll.Sync.SyncAsync(CancellationToken.None);
        await poll.PollAsync(force: true);
        Assert.Equal(Now.AddMinutes(90), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
    }

    [Fact]
    public async Task A_feed_that_stops_posting_is_polled_less_often_even_while_the_server_answers_304()
    {
        var hourly = Enumerable.Range(0, 20).Select(i => Ago(TimeSpan.FromMinutes(30 + 60 * i))).ToList();
        var calls = 0;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            if (calls++ > 0)
                context.Response.StatusCode = 304;
            else
                await context.Response.Body.WriteAsync(Feeds.RssDated(hourly));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        await poll.PollAsync();
        var first = (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt!.Value - Now;

        poll.Time.Advance(TimeSpan.FromDays(3));
        await poll.PollAsync();

        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal(304, feed.LastHttpStatus);
        var later = feed.NextPollAt!.Value - poll.Time.GetUtcNow();
        AssertMilliseconds((TimeSpan.FromDays(3) + TimeSpan.FromHours(19.5)) / 19 / 4, later);
        Assert.True(later > first * 4);
    }

    // The store keeps times to the millisecond.
    private static void AssertMilliseconds(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(1), expected + TimeSpan.FromMilliseconds(1));

    private static DateTimeOffset? Ago(TimeSpan age) => Now - age;

    /// <summary>Serves an RSS feed with these dates, polls it once at <see cref="Now"/>, and says how long until the next poll.</summary>
    private static async Task<TimeSpan> NextPollAfterAsync(
        IEnumerable<DateTimeOffset?> dates, Action<FeedAggregator.Refreshing.PollingOptions>? configure = null)
    {
        var document = Feeds.RssDated(dates);
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(document).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")], configure);

        await poll.PollAsync();

        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Null(feed.LastError);
        return feed.NextPollAt!.Value - Now;
    }
}
