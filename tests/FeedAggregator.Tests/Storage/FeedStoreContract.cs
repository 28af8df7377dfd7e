using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using FeedAggregator.Storage.Sqlite;

namespace FeedAggregator.Tests.Storage;

public abstract class FeedStoreContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableFact]
    public async Task Sync_adds_removes_and_retitles_while_keeping_poll_state()
    {
        await using var db = await Store.CreateAsync();
        var first = await db.Feeds.SyncSubscriptionsAsync(
            [new("https://a.example/feed", "A"), new("https://b.example/feed", "B", "Tech", Interval: TimeSpan.FromMinutes(15))], Now, None);
        Assert.Equal(new(2, 0, 0), first);

        var a = (await db.Feeds.ListAsync(None)).Single(f => f.Url == "https://a.example/feed");
        await db.Feeds.UpdatePollStateAsync(a with { ETag = "\"v1\"", Status = FeedStatus.Ok, NextPollAt = Now.AddMinutes(30) }, None);

        var second = await db.Feeds.SyncSubscriptionsAsync(
            [new("https://a.example/feed", "A renamed"), new("https://c.example/feed")], Now, None);
        Assert.Equal(new(1, 1, 1), second);

        var feeds = await db.Feeds.ListAsync(None);
        Assert.Equal(["https://a.example/feed", "https://c.example/feed"], feeds.Select(f => f.Url).Order());
        var renamed = feeds.Single(f => f.Url == "https://a.example/feed");
        Assert.Equal("A renamed", renamed.Title);
        Assert.Equal("\"v1\"", renamed.ETag);
        Assert.Equal(Now.AddMinutes(30), renamed.NextPollAt);
    }

    [SkippableFact]
    public async Task A_moved_feed_takes_its_new_url_and_host_unless_another_feed_has_that_url()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed"), new("https://b.example/feed")], Now, None);
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);

        Assert.True(await db.Feeds.MoveAsync(feeds["https://a.example/feed"].Id, "https://new.example/feed", None));
        Assert.False(await db.Feeds.MoveAsync(feeds["https://b.example/feed"].Id, "https://new.example/feed", None));

        Assert.Equal(["https://b.example/feed", "https://new.example/feed"], (await db.Feeds.ListAsync(None)).Select(f => f.Url).Order());
        var hosts = await db.Leases.ClaimAsync(new PollClaim("one", Now, Now.AddMinutes(5)), 10, None);
        Assert.Equal(["b.example", "new.example"], hosts.Select(h => h.Host).Order());
    }

    [SkippableFact]
    public async Task A_gone_feed_is_reactivated_due_at_once_and_any_other_is_not()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed"), new("https://b.example/feed")], Now, None);
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/feed"] with
        {
            Status = FeedStatus.Gone, LastError = "410 Gone", ConsecutiveErrors = 3, NextPollAt = Now.AddDays(30),
        }, None);

        Assert.True(await db.Feeds.ReactivateAsync("https://a.example/feed", None));
        Assert.False(await db.Feeds.ReactivateAsync("https://a.example/feed", None));
        Assert.False(await db.Feeds.ReactivateAsync("https://b.example/feed", None));
        Assert.False(await db.Feeds.ReactivateAsync("https://nowhere.example/feed", None));

        var reactivated = await db.Feeds.GetAsync(feeds["https://a.example/feed"].Id, None);
        Assert.Equal((FeedStatus.New, null, 0, null), (reactivated!.Status, reactivated.LastError, reactivated.ConsecutiveErrors, reactivated.NextPollAt));
    }

    [SkippableFact]
    public async Task Checking_that_the_store_takes_writes_changes_nothing_readers_see()
    {
        await using var db = await Store.CreateAsync();
        var version = await db.Articles.GetVersionAsync(None);
        var state = await db.Feeds.GetStateVersionAsync(None);

        await db.Feeds.CheckWritableAsync(None);

        Assert.Equal((version, state), (await db.Articles.GetVersionAsync(None), await db.Feeds.GetStateVersionAsync(None)));
    }

    [SkippableFact]
    public async Task A_new_site_link_updates_the_feed_and_an_opml_without_one_keeps_it()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", SiteUrl: "https://a.example/")], Now, None);

        Assert.Equal(new(0, 0, 1), await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", SiteUrl: "https://a.example/home")], Now, None));
        Assert.Equal(new(0, 0, 0), await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed")], Now, None));

        Assert.Equal("https://a.example/home", Assert.Single(await db.Feeds.ListAsync(None)).SiteUrl);
    }

    [SkippableFact]
    public async Task Sync_is_a_no_op_when_nothing_changed()
    {
        await using var db = await Store.CreateAsync();
        Subscription[] list = [new("https://a.example/feed", "A", "News", "https://a.example/", TimeSpan.FromHours(1))];
        await db.Feeds.SyncSubscriptionsAsync(list, Now, None);
        Assert.False((await db.Feeds.SyncSubscriptionsAsync(list, Now, None)).Any);
    }

    [SkippableFact]
    public async Task Due_feeds_are_new_or_past_their_time_never_gone_nor_under_retry_after()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync(
            [new("https://new.example/"), new("https://due.example/"), new("https://later.example/"), new("https://gone.example/"), new("https://wait.example/")],
            Now, None);
        var byUrl = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);
        await db.Feeds.UpdatePollStateAsync(byUrl["https://due.example/"] with { NextPollAt = Now.AddMinutes(-1) }, None);
        await db.Feeds.UpdatePollStateAsync(byUrl["https://later.example/"] with { NextPollAt = Now.AddMinutes(10) }, None);
        await db.Feeds.UpdatePollStateAsync(byUrl["https://gone.example/"] with { Status = FeedStatus.Gone }, None);
        await db.Feeds.UpdatePollStateAsync(byUrl["https://wait.example/"] with { NextPollAt = Now.AddMinutes(-5), RetryAfter = Now.AddMinutes(5) }, None);

        var due = await db.Feeds.GetDueAsync(Now, force: false, None);
        Assert.Equal(["https://due.example/", "https://new.example/"], due.Select(f => f.Url).Order());

        var forced = await db.Feeds.GetDueAsync(Now, force: true, None);
        Assert.Equal(["https://due.example/", "https://later.example/", "https://new.example/"], forced.Select(f => f.Url).Order());
    }

    [SkippableFact]
    public async Task The_seed_feed_is_never_listed_nor_polled_nor_removed_by_a_sync()
    {
        await using var db = await Store.CreateAsync();
        var seed = await db.Feeds.EnsureSeedFeedAsync("urn:feedaggregator:seeds", "Seeds", Now, None);
        var again = await db.Feeds.EnsureSeedFeedAsync("urn:feedaggregator:seeds", "Seeds", Now, None);
        Assert.Equal(seed.Id, again.Id);

        await db.Feeds.SyncSubscriptionsAsync([], Now, None);
        Assert.Empty(await db.Feeds.ListAsync(None));
        Assert.Empty(await db.Feeds.GetDueAsync(Now, force: true, None));
        Assert.NotNull(await db.Feeds.GetAsync(seed.Id, None));
    }
}

/// <summary>The feedstore contract on SQLite.</summary>
public sealed class SqliteFeedStoreTests : FeedStoreContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The feedstore contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresFeedStoreTests : FeedStoreContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
