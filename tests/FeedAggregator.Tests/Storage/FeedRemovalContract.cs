using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>A feed that leaves the OPML is kept, hidden, for its grace period; purging is explicit.</summary>
public abstract class FeedRemovalContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Subscription A = new("https://a.example/feed", "A");
    private static readonly Subscription B = new("https://b.example/feed", "B");

    private static Article Make(string key, string url, int hoursAgo) => new()
    {
        Key = key, Title = key, Url = url, ContentHash = key, Published = Now.AddHours(-hoursAgo),
        // Words of its own, so that only a shared link makes two articles one story.
        Fingerprint = TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{key}word{i}"))),
    };

    private async Task<(ITestStore Db, Feed A, Feed B)> TwoFeedsAsync()
    {
        var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([A, B], Now, None);
        var feeds = await db.Feeds.ListAsync(None);
        var a = feeds.Single(f => f.Url == A.Url);
        var b = feeds.Single(f => f.Url == B.Url);
        await db.Articles.SaveAsync(a with { ETag = "\"a1\"", Status = FeedStatus.Ok }, [Make("a1", "https://x.example/story", 3), Make("a2", "https://a.example/2", 1)], Now, None);
        await db.Articles.SaveAsync(b, [Make("b1", "https://x.example/story", 2)], Now, None);
        return (db, a, b);
    }

    private static async Task<string[]> PublishedTitlesAsync(ITestStore db) =>
        [.. (await db.Articles.GetNewestStoriesAsync(10, None)).Select(s => s.Primary.Title + "+" + s.Others.Count)];

    [SkippableFact]
    public async Task A_removed_feed_leaves_the_merged_feed_and_polling_but_keeps_its_articles()
    {
        var (db, _, _) = await TwoFeedsAsync();
        await using var _db = db;
        Assert.Equal(["a2+0", "a1+1"], await PublishedTitlesAsync(db));

        var changes = await db.Feeds.SyncSubscriptionsAsync([B], Now.AddHours(1), None);

        Assert.Equal(new SubscriptionChanges(0, 1, 0), changes);
        // The story that A's article led is now led by B's copy.
        Assert.Equal(["b1+0"], await PublishedTitlesAsync(db));
        Assert.Equal(["b1"], (await db.Articles.QueryAsync(ArticleFilter.None, 0, 10, None)).Items.Select(i => i.Article.Title));
        Assert.Equal(["https://b.example/feed"], (await db.Feeds.GetDueAsync(Now.AddDays(1), force: true, None)).Select(f => f.Url));
        var removed = Assert.Single(await db.Feeds.ListRemovedAsync(None));
        Assert.Equal((A.Url, Now.AddHours(1)), (removed.Url, removed.RemovedAt));
        Assert.Equal(2, (await db.Articles.CountByFeedAsync(None))[removed.Id]);
    }

    [SkippableFact]
    public async Task Re_adding_a_removed_feed_restores_its_articles_and_poll_state()
    {
        var (db, a, _) = await TwoFeedsAsync();
        await using var _db = db;
        await db.Feeds.SyncSubscriptionsAsync([B], Now, None);
        var before = await db.Articles.GetVersionAsync(None);

        var changes = await db.Feeds.SyncSubscriptionsAsync([A, B], Now.AddDays(3), None);

        Assert.Equal(new SubscriptionChanges(0, 0, 0, Restored: 1), changes);
        Assert.NotEqual(before, await db.Articles.GetVersionAsync(None));
        Assert.Equal(["a2+0", "a1+1"], await PublishedTitlesAsync(db));
        var back = (await db.Feeds.ListAsync(None)).Single(f => f.Url == A.Url);
        Assert.Equal((a.Id, "\"a1\"", FeedStatus.Ok, (DateTimeOffset?)null), (back.Id, back.ETag, back.Status, back.RemovedAt));
    }

    [SkippableFact]
    public async Task Purging_deletes_a_feed_its_articles_and_buckets_for_good()
    {
        var (db, _, _) = await TwoFeedsAsync();
        await using var _db = db;
        await db.Feeds.SyncSubscriptionsAsync([B], Now, None);

        Assert.Empty(await db.Feeds.PurgeRemovedBeforeAsync(Now, None));
        var purged = Assert.Single(await db.Feeds.PurgeRemovedBeforeAsync(Now.AddSeconds(1), None));

        Assert.Equal(new PurgedFeed(A.Url, 2, 0), purged);
        Assert.Empty(await db.Feeds.ListRemovedAsync(None));
        Assert.Equal(1, (await db.Articles.CountByFeedAsync(None)).Values.Sum());
        Assert.Equal(TextFingerprint.BandCount, await BucketsAsync(db));

        Assert.Null(await db.Feeds.PurgeAsync(A.Url, None));
        Assert.Equal(new PurgedFeed(B.Url, 1, 0), await db.Feeds.PurgeAsync(B.Url, None));
        Assert.Equal(0, await BucketsAsync(db));
    }

    private static async Task<long> BucketsAsync(ITestStore db) => await db.StoryBucketsAsync();
}

/// <summary>The feedremoval contract on SQLite.</summary>
public sealed class SqliteFeedRemovalTests : FeedRemovalContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The feedremoval contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresFeedRemovalTests : FeedRemovalContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
