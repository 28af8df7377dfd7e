using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// WebSub and the refresher: content a hub pushes goes through the same stages as a poll, and a
/// poll that finds entries the hub did not push stops relying on pushes.
/// </summary>
public sealed class FeedRefresherPushTests
{
    private static readonly DateTimeOffset Start = PollHarness.Start;
    private static readonly Uri Topic = new("http://feeds.test/feed");

    /// <summary>Pushes verified a day ago, the lease runs another day; an older miss was before they last worked.</summary>
    private static Feed Pushed(Feed feed) =>
        feed with { PushUntil = Start.AddDays(1), PushSeenAt = Start.AddDays(-1), PushMissedAt = Start.AddDays(-2) };

    [Fact]
    public async Task A_poll_that_finds_entries_the_hub_missed_counts_those_dated_after_pushes_worked_and_before_the_grace()
    {
        var body = Atom(
            Entry("a", published: Start.AddHours(-12), updated: Start.AddMinutes(-1)),
            Entry("b", updated: Start.AddHours(-6)),
            Entry("c", published: Start - FeedRefresher.PushGrace),
            Entry("d", published: Start.AddMinutes(-5)),
            Entry("e", published: Start.AddDays(-2)));
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await WebSubOn([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"), Pushed);

        Assert.Equal(Start, result.Feed.PushMissedAt);
        Assert.False(poll.Services.GetRequiredService<PollSchedule>().IsPushed(result.Feed, Start)); // polled at its own interval again
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Refreshing: "));
        Assert.Equal((3, server.Url("/feed").AbsoluteUri), (warning.Properties["Missed"], warning.Properties["FeedUrl"]));
    }

    [Fact]
    public async Task Entries_a_push_may_still_bring_or_older_than_the_last_push_are_no_miss()
    {
        var body = Atom(Entry("d", published: Start.AddMinutes(-5)), Entry("e", published: Start.AddDays(-2)));
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await WebSubOn([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"), Pushed);

        Assert.Equal(Start.AddDays(-2), result.Feed.PushMissedAt);
        Assert.True(poll.Services.GetRequiredService<PollSchedule>().IsPushed(result.Feed, Start));
        Assert.Empty(poll.Logged(LogLevel.Warning, "Refreshing: "));
    }

    [Fact]
    public async Task Without_pushes_relied_on_new_entries_are_no_miss()
    {
        var body = Atom(Entry("a", published: Start.AddHours(-12)));
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await WebSubOn([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"), f => f with { PushUntil = Start, PushSeenAt = Start.AddDays(-1) });

        Assert.Null(result.Feed.PushMissedAt);
        Assert.Empty(poll.Logged(LogLevel.Warning, "Refreshing: "));
    }

    [Fact]
    public async Task Pushed_content_is_stored_without_touching_the_feeds_poll_state()
    {
        await using var poll = await PollHarness.CreateAsync([Topic]);
        var feed = await poll.FeedAsync(Topic.AbsoluteUri);

        var write = await poll.Refresher().ProcessPushAsync(feed, Feeds.Rss("a", "b"), "application/rss+xml", Topic, CancellationToken.None);
        var result = await poll.Refresher().StoreAsync(write!, CancellationToken.None);

        Assert.True(write!.Pushed);
        Assert.Equal(2, result.Added);
        Assert.Equal(2, (await poll.Db.Articles.CountByFeedAsync(CancellationToken.None))[feed.Id]);
        var stored = await poll.FeedAsync(Topic.AbsoluteUri);
        Assert.Equal((FeedStatus.New, null, null), (stored.Status, stored.LastPolledAt, stored.NextPollAt));
        var line = Assert.Single(poll.Logged(LogLevel.Information, "WebSub: "));
        Assert.Equal(("WebSub", 2), (line.Properties["Stage"], line.Properties["Added"]));
    }

    [Fact]
    public async Task Pushed_content_that_is_no_feed_is_not_stored_and_the_operator_is_warned()
    {
        await using var poll = await PollHarness.CreateAsync([Topic]);
        var feed = await poll.FeedAsync(Topic.AbsoluteUri);

        var write = await poll.Refresher().ProcessPushAsync(feed, "not a feed"u8.ToArray(), "text/plain", Topic, CancellationToken.None);

        Assert.Null(write);
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "WebSub: "));
        Assert.Equal((Topic.AbsoluteUri, feed.Id), (warning.Properties["FeedUrl"], warning.Properties["FeedId"]));
        Assert.False(string.IsNullOrEmpty(warning.Properties["Error"] as string));
    }

    [Fact]
    public async Task What_parsing_tolerated_in_pushed_content_is_logged_for_the_websub_stage()
    {
        await using var poll = await PollHarness.CreateAsync([Topic]);
        var feed = await poll.FeedAsync(Topic.AbsoluteUri);
        var body = Encoding.UTF8.GetBytes("""<rss version="2.0"><channel><title>t</title><item><title>a</title><guid>a</guid><pubDate>soon</pubDate></item></channel></rss>""");

        await poll.Refresher().ProcessPushAsync(feed, body, "application/rss+xml", Topic, CancellationToken.None);

        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "WebSub: "));
        Assert.Equal("WebSub", warning.Properties["Stage"]);
        Assert.Contains("soon", warning.Properties["Warning"] as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushed_content_needs_its_feed()
    {
        await using var poll = await PollHarness.CreateAsync([Topic]);

        await Assert.ThrowsAsync<ArgumentNullException>(() => poll.Refresher().ProcessPushAsync(null!, Feeds.Rss("a"), null, Topic, CancellationToken.None));
    }

    private static Task<PollHarness> WebSubOn(IEnumerable<Uri> feeds) =>
        PollHarness.CreateAsync(feeds, webSub: o => o.UseCallbackBase("https://aggregator.example/"));

    private static byte[] Atom(params string[] entries) => Encoding.UTF8.GetBytes(
        """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>""" + string.Concat(entries) + "</feed>");

    private static string Entry(string id, DateTimeOffset? published = null, DateTimeOffset? updated = null) =>
        $"<entry><id>{id}</id><title>{id}</title>" +
        (published is { } p ? $"<published>{p.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</published>" : "") +
        (updated is { } u ? $"<updated>{u.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</updated>" : "") + "</entry>";
}
