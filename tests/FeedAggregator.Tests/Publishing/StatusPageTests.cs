using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

public sealed class StatusPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_page_is_rendered_once_per_change_of_a_feed_or_an_article()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, None);
        var status = new StatusPage(db.Feeds, db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var first = await status.GetAsync(None);
        Assert.Same(first, await status.GetAsync(None));

        var feed = (await db.Feeds.ListAsync(None)).Single();
        await db.Feeds.UpdatePollStateAsync(feed with { Status = FeedStatus.Error, LastError = "fetch: timed out" }, None);
        var afterPoll = await status.GetAsync(None);
        Assert.NotSame(first, afterPoll);
        Assert.Contains("fetch: timed out", Encoding.UTF8.GetString(afterPoll.Content));

        await db.Articles.SaveAsync(feed, [new Article { Key = "k", Title = "t", ContentHash = "h" }], Now, None);
        Assert.NotSame(afterPoll, await status.GetAsync(None));
    }

    [Fact]
    public async Task The_summary_counts_each_feed_once_and_says_one_error_in_a_row()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync(
            [new("https://a.example/feed"), new("https://b.example/feed"), new("https://c.example/feed"), new("https://d.example/feed"), new("https://e.example/feed")],
            Now, None);
        var feeds = (await db.Feeds.ListAsync(None)).OrderBy(f => f.Url, StringComparer.Ordinal).ToList();
        await db.Feeds.UpdatePollStateAsync(feeds[1] with { Status = FeedStatus.Error, ConsecutiveErrors = 1, LastError = "fetch: HTTP 500" }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[2] with { Status = FeedStatus.Error, ConsecutiveErrors = 3, LastError = "fetch: HTTP 502" }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[3] with { Status = FeedStatus.Gone, LastError = "HTTP 410 Gone" }, None);
        await db.Feeds.UpdatePollStateAsync(feeds[4] with { Status = FeedStatus.Error, ConsecutiveErrors = 1, RetryAfter = Now.AddHours(1) }, None);
        await db.Articles.SaveAsync(feeds[0] with { Status = FeedStatus.Ok }, [new Article { Key = "k", Title = "t", ContentHash = "h" }], Now, None);
        var status = new StatusPage(db.Feeds, db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var html = Encoding.UTF8.GetString((await status.GetAsync(None)).Content);

        Assert.Contains("5 feeds: 1 ok, 2 failing, 1 gone, 1 held.", html);
        Assert.Contains("1 article stored.", html);
        Assert.Contains("No poll cycle yet", html);
        Assert.Contains("1 error in a row", html);
        Assert.Contains("3 errors in a row", html);
        Assert.DoesNotContain("1 errors", html);
    }

    [Fact]
    public async Task The_chart_has_one_bar_per_hour_with_new_articles_over_the_last_48_hours()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed")], Now, None);
        var feed = (await db.Feeds.ListAsync(None)).Single();
        // 3 articles first seen this hour, 2 five hours ago, 1 two days and more ago (outside the chart).
        await db.Articles.SaveAsync(feed, [.. Enumerable.Range(0, 3).Select(i => Article($"now{i}"))], Now.AddMinutes(-1), None);
        await db.Articles.SaveAsync(feed, [Article("five1"), Article("five2")], Now.AddHours(-5), None);
        await db.Articles.SaveAsync(feed, [Article("old")], Now.AddHours(-49), None);
        var status = new StatusPage(db.Feeds, db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var html = Encoding.UTF8.GetString((await status.GetAsync(None)).Content);

        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(2, html.Split("<rect ").Length - 1);
        Assert.Contains("2026-11-26 09:00 UTC: 3 new articles", html);
        Assert.Contains("2026-11-26 05:00 UTC: 2 new articles", html);
        Assert.Contains("5 new articles in the last 48 hours", html);
    }

    [Fact]
    public async Task Each_feed_shows_its_websub_subscription_and_each_rendering_is_measured()
    {
        await using var fixture = await PublisherFixture.CreateAsync();
        var db = fixture.Db;
        var subscription = await db.WebSub.AddAsync(fixture.Feed.Id, new HubLink("https://hub.example/", fixture.Feed.Url), "token", "secret", Now, None);
        await db.WebSub.VerifiedAsync(subscription!.Id, Now, Now.AddDays(5), renewal: false, None);
        using var renderings = fixture.Renderings();
        var status = new StatusPage(db.Feeds, db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now), db.WebSub, metrics: fixture.Metrics);

        var html = Encoding.UTF8.GetString((await status.GetAsync(None)).Content);

        Assert.Contains("<small class=\"push\">WebSub verified, lease until <time datetime=\"2026-12-01T10:00:00Z\">", html, StringComparison.Ordinal);
        Assert.Equal("status", Assert.Single(renderings.GetMeasurementSnapshot()).Tags["what"]);
    }

    private static Article Article(string key) => new() { Key = key, Title = key, ContentHash = key };
}
