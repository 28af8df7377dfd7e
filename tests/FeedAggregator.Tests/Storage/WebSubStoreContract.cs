using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>WebSub subscriptions, on each provider: one live per feed, the feed's push columns kept in step, a purge remembered.</summary>
public abstract class WebSubStoreContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly HubLink Link = new("https://hub.example/", "https://a.example/feed");

    private async Task<(ITestStore Db, IWebSubStore Store, Feed Feed)> CreateAsync()
    {
        var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new Subscription("https://a.example/feed")], Now, None);
        return (db, db.WebSub, (await db.Feeds.ListAsync(None)).Single());
    }

    [SkippableFact]
    public async Task A_subscription_needs_a_hub_link()
    {
        var (db, store, feed) = await CreateAsync();
        await using var _ = db;

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.AddAsync(feed.Id, null!, "t1", "s1", Now, None));
        Assert.Empty(await store.ListAsync(None));
    }

    [SkippableFact]
    public async Task A_feed_has_one_live_subscription_and_only_a_subscribed_feed_gets_one()
    {
        var (db, store, feed) = await CreateAsync();
        await using var _ = db;

        var added = await store.AddAsync(feed.Id, Link, "t1", "s1", Now, None);
        Assert.Equal((HubSubscriptionState.Subscribing, Now, 1), (added!.State, added.RequestedAt, added.Attempts));
        Assert.Null(await store.AddAsync(feed.Id, Link, "t2", "s2", Now, None));
        Assert.Null(await store.AddAsync(feed.Id + 100, Link, "t3", "s3", Now, None));

        await db.Feeds.SyncSubscriptionsAsync([], Now, None);
        await store.UnsubscribingAsync(added.Id, Now, None);
        Assert.Null(await store.AddAsync(feed.Id, Link, "t4", "s4", Now, None));
        Assert.Equal("t1", Assert.Single(await store.ListAsync(None)).Token);
    }

    [SkippableFact]
    public async Task Verification_makes_the_feed_pushed_until_the_lease_ends_and_a_failure_ends_it()
    {
        var (db, store, feed) = await CreateAsync();
        await using var _ = db;
        var subscription = (await store.AddAsync(feed.Id, Link, "t1", "s1", Now, None))!;

        await store.VerifiedAsync(subscription.Id, Now, Now.AddDays(1), renewal: false, None);

        var pushed = (await db.Feeds.GetAsync(feed.Id, None))!;
        Assert.Equal((Now.AddDays(1), Now), (pushed.PushUntil, pushed.PushSeenAt));
        Assert.True(pushed.IsPushed(Now.AddHours(23)));
        Assert.False(pushed.IsPushed(Now.AddDays(1)));
        var verified = (await store.FindAsync("t1", None))!;
        Assert.Equal((HubSubscriptionState.Verified, Now.AddDays(1), (DateTimeOffset?)null, 0), (verified.State, verified.LeaseUntil, verified.RequestedAt, verified.Attempts));

        // A renewal extends the lease; only a push says again that pushes work.
        await store.VerifiedAsync(subscription.Id, Now.AddHours(20), Now.AddDays(2), renewal: true, None);
        Assert.Equal((Now.AddDays(2), Now), ((await db.Feeds.GetAsync(feed.Id, None))!.PushUntil, (await db.Feeds.GetAsync(feed.Id, None))!.PushSeenAt));
        await store.PushedAsync(subscription.Id, Now.AddHours(21), None);
        Assert.Equal(Now.AddHours(21), (await db.Feeds.GetAsync(feed.Id, None))!.PushSeenAt);
        Assert.Equal(1, (await store.FindAsync("t1", None))!.Pushes);

        // A renewal that fails keeps the running lease; a failure of the subscription ends it.
        await store.FailedAsync(subscription.Id, "no answer", Now.AddHours(22), keepVerified: true, None);
        Assert.Equal(HubSubscriptionState.Verified, (await store.FindAsync("t1", None))!.State);
        Assert.NotNull((await db.Feeds.GetAsync(feed.Id, None))!.PushUntil);
        await store.FailedAsync(subscription.Id, "the lease ended", Now.AddHours(22), keepVerified: false, None);
        var failed = (await store.FindAsync("t1", None))!;
        Assert.Equal((HubSubscriptionState.Failed, "the lease ended", Now.AddHours(22)), (failed.State, failed.LastError, failed.RetryAt));
        Assert.Null((await db.Feeds.GetAsync(feed.Id, None))!.PushUntil);

        await store.RequestedAsync(subscription.Id, Now.AddHours(23), None);
        var again = (await store.FindAsync("t1", None))!;
        Assert.Equal((HubSubscriptionState.Subscribing, Now.AddHours(23), 1), (again.State, again.RequestedAt, again.Attempts));
    }

    [SkippableFact]
    public async Task A_purged_feed_leaves_its_subscription_to_be_unsubscribed_and_a_new_feed_with_its_id_is_not_pushed()
    {
        var (db, store, feed) = await CreateAsync();
        await using var _ = db;
        var subscription = (await store.AddAsync(feed.Id, Link, "t1", "s1", Now, None))!;
        await store.VerifiedAsync(subscription.Id, Now, Now.AddDays(1), renewal: false, None);

        await db.Feeds.PurgeAsync(feed.Url, None);
        var orphan = Assert.Single(await store.ListAsync(None));
        Assert.Equal((HubSubscriptionState.Unsubscribing, (DateTimeOffset?)null), (orphan.State, orphan.RequestedAt));

        // SQLite may give the purged feed's id to the next feed (PostgreSQL never does): the old
        // row stays apart from it.
        await db.Feeds.SyncSubscriptionsAsync([new Subscription("https://b.example/feed")], Now, None);
        var newcomer = (await db.Feeds.ListAsync(None)).Single();
        if (Store == StoreFixture.Sqlite)
            Assert.Equal(feed.Id, newcomer.Id);
        await store.PushedAsync(orphan.Id, Now, None);
        Assert.Null((await db.Feeds.GetAsync(newcomer.Id, None))!.PushSeenAt);
        Assert.NotNull(await store.AddAsync(newcomer.Id, Link with { Topic = newcomer.Url }, "t2", "s2", Now, None));

        await store.DeleteAsync(orphan.Id, None);
        Assert.Equal("t2", Assert.Single(await store.ListAsync(None)).Token);
    }

    [SkippableFact]
    public async Task A_change_of_a_subscription_changes_the_feeds_version_that_status_is_rendered_by()
    {
        var (db, store, feed) = await CreateAsync();
        await using var _ = db;
        var before = await db.Feeds.GetStateVersionAsync(None);

        var subscription = (await store.AddAsync(feed.Id, Link, "t1", "s1", Now, None))!;
        var added = await db.Feeds.GetStateVersionAsync(None);
        await store.RejectedAsync(subscription.Id, None);

        Assert.True(added > before);
        Assert.True(await db.Feeds.GetStateVersionAsync(None) > added);
        Assert.Equal(1, (await store.FindAsync("t1", None))!.Rejected);
    }
}

/// <summary>The WebSub store contract on SQLite.</summary>
public sealed class SqliteWebSubStoreTests : WebSubStoreContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The WebSub store contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresWebSubStoreTests : WebSubStoreContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
