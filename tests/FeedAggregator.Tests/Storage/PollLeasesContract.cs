using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Storage;

/// <summary>Hosts and feeds taken under leases: what two pollers of one store can and cannot both have.</summary>
public abstract class PollLeasesContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static PollClaim Claim(string owner, DateTimeOffset? now = null, bool force = false) =>
        new(owner, now ?? Now, (now ?? Now).AddMinutes(5), force, now ?? Now);

    private async Task<ITestStore> StoreAsync(params string[] urls)
    {
        // The stores stamp a stored poll with this clock, as the poll cycle's clock.
        var db = await Store.CreateAsync(new FakeTimeProvider(Now));
        await db.Feeds.SyncSubscriptionsAsync([.. urls.Select(u => new Subscription(u))], Now, None);
        return db;
    }

    private static string[] Urls(IEnumerable<ClaimedHost> hosts) => [.. hosts.SelectMany(h => h.Feeds).Select(f => f.Url).Order()];

    [SkippableFact]
    public async Task A_claim_takes_free_hosts_with_every_due_feed_on_them_and_a_second_poller_gets_the_others()
    {
        await using var db = await StoreAsync("https://a.example/1", "https://a.example/2", "https://B.example/1", "https://c.example/1");

        var first = await db.Leases.ClaimAsync(Claim("one"), 2, None);
        var second = await db.Leases.ClaimAsync(Claim("two"), 2, None);
        var third = await db.Leases.ClaimAsync(Claim("three"), 2, None);

        Assert.Equal(2, first.Count);
        Assert.Single(second);
        Assert.Empty(third);
        Assert.Equal(["a.example", "b.example", "c.example"], first.Concat(second).Select(h => h.Host).Order());
        Assert.Equal(4, Urls(first.Concat(second)).Distinct().Count());
        Assert.Equal(2, first.Concat(second).Single(h => h.Host == "a.example").Feeds.Count);
    }

    [SkippableFact]
    public async Task Gone_removed_held_and_not_yet_due_feeds_are_not_taken()
    {
        await using var db = await StoreAsync("https://a.example/gone", "https://a.example/wait", "https://a.example/later", "https://a.example/due", "https://b.example/removed");
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/gone"] with { Status = FeedStatus.Gone }, None);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/wait"] with { RetryAfter = Now.AddMinutes(2) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/later"] with { NextPollAt = Now.AddMinutes(1) }, None);
        await db.Feeds.SyncSubscriptionsAsync([.. feeds.Keys.Where(u => u != "https://b.example/removed").Select(u => new Subscription(u))], Now, None);

        var claimed = Assert.Single(await db.Leases.ClaimAsync(Claim("one"), 10, None));

        Assert.Equal(["https://a.example/due"], Urls([claimed]));
        // The waiting feed's Retry-After holds its whole host.
        Assert.Equal(Now.AddMinutes(2), claimed.HeldUntil);
        // Forced, the feed that is not due yet comes too; the gone and the waiting ones never do.
        await db.Leases.ReleaseAllAsync("one", Now, TimeSpan.Zero, None);
        Assert.Equal(["https://a.example/due", "https://a.example/later"], Urls(await db.Leases.ClaimAsync(Claim("forced", force: true), 10, None)));
    }

    [SkippableFact]
    public async Task A_host_goes_back_with_its_gap_and_hold_and_the_next_poller_gets_them()
    {
        await using var db = await StoreAsync("https://a.example/1", "https://a.example/2");
        var taken = Assert.Single(await db.Leases.ClaimAsync(Claim("one"), 1, None));
        Assert.Null(taken.NextStartAt);
        var polled = taken.Feeds[0];
        await db.Feeds.UpdatePollStateAsync(polled with { NextPollAt = Now.AddHours(1) }, None);

        await db.Leases.ReleaseHostAsync("one", new HostRelease("a.example", Now.AddSeconds(1), Now.AddMinutes(3)), None);
        await db.Leases.ReleaseAllAsync("one", Now, TimeSpan.Zero, None);
        var again = Assert.Single(await db.Leases.ClaimAsync(Claim("two"), 1, None));

        Assert.Equal((Now.AddSeconds(1), Now.AddMinutes(3)), (again.NextStartAt, again.HeldUntil));
        Assert.Equal(["https://a.example/2"], Urls([again]));
        // A release by a poller that no longer holds the host changes nothing.
        await db.Leases.ReleaseHostAsync("one", new HostRelease("a.example", Now.AddHours(1), null), None);
        await db.Leases.ReleaseHostAsync("two", new HostRelease("a.example", null, null), None);
        Assert.Equal(Now.AddSeconds(1), Assert.Single(await db.Leases.ClaimAsync(Claim("three", Now.AddHours(2)), 1, None)).NextStartAt);
    }

    [SkippableFact]
    public async Task A_hosts_feeds_come_never_polled_then_oldest_due_first_and_it_is_held_until_the_later_hold()
    {
        await using var db = await StoreAsync("https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/wait");
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/1"] with { NextPollAt = Now.AddMinutes(-1) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/2"] with { NextPollAt = Now.AddMinutes(-5) }, None);
        await db.Feeds.UpdatePollStateAsync(feeds["https://a.example/wait"] with { RetryAfter = Now.AddMinutes(2) }, None);

        var first = Assert.Single(await db.Leases.ClaimAsync(Claim("one"), 1, None));
        Assert.Equal(["https://a.example/3", "https://a.example/2", "https://a.example/1"], first.Feeds.Select(f => f.Url));
        Assert.Equal(Now.AddMinutes(2), first.HeldUntil);

        // The host's own hold is shorter than the feed's Retry-After: the Retry-After holds it.
        await db.Leases.ReleaseHostAsync("one", new HostRelease("a.example", null, Now.AddMinutes(1)), None);
        await db.Leases.ReleaseAllAsync("one", Now, TimeSpan.Zero, None);
        Assert.Equal(Now.AddMinutes(2), Assert.Single(await db.Leases.ClaimAsync(Claim("two"), 1, None)).HeldUntil);

        // Longer: the host's hold does.
        await db.Leases.ReleaseHostAsync("two", new HostRelease("a.example", null, Now.AddMinutes(3)), None);
        await db.Leases.ReleaseAllAsync("two", Now, TimeSpan.Zero, None);
        Assert.Equal(Now.AddMinutes(3), Assert.Single(await db.Leases.ClaimAsync(Claim("three"), 1, None)).HeldUntil);
    }

    [SkippableFact]
    public async Task A_stored_poll_ends_its_feeds_lease()
    {
        await using var db = await StoreAsync("https://a.example/1");
        var feed = Assert.Single(Assert.Single(await db.Leases.ClaimAsync(Claim("one"), 1, None)).Feeds);

        // Stored as still due (a failure retried at once, say): another poller may take it as soon as it has the host.
        await db.Feeds.UpdatePollStateAsync(feed with { NextPollAt = Now }, None);
        await db.Leases.ReleaseHostAsync("one", new HostRelease("a.example", null, null), None);

        Assert.Equal(["https://a.example/1"], Urls(await db.Leases.ClaimAsync(Claim("two"), 1, None)));
    }

    [SkippableFact]
    public async Task Leases_of_a_poller_that_stopped_renewing_expire_and_renewed_ones_do_not()
    {
        await using var db = await StoreAsync("https://a.example/1", "https://b.example/1");
        var renewed = Assert.Single(await db.Leases.ClaimAsync(Claim("alive"), 1, None));
        var dead = Assert.Single(await db.Leases.ClaimAsync(Claim("dead"), 1, None));
        await db.Leases.RenewAsync("alive", Now.AddMinutes(4), Now.AddMinutes(9), None);

        Assert.Empty(await db.Leases.ClaimAsync(Claim("other", Now.AddMinutes(4)), 2, None));
        var takenOver = Assert.Single(await db.Leases.ClaimAsync(Claim("other", Now.AddMinutes(5)), 2, None));

        Assert.Equal(dead.Host, takenOver.Host);
        Assert.Equal(Urls([dead]), Urls([takenOver]));
        Assert.Equal(renewed.Host, Assert.Single(await db.Leases.ClaimAsync(Claim("late", Now.AddMinutes(9)), 2, None)).Host);
    }

    [SkippableFact]
    public async Task Giving_everything_back_frees_the_hosts_after_the_gap_and_the_feeds_at_once()
    {
        await using var db = await StoreAsync("https://a.example/1");
        Assert.Single(await db.Leases.ClaimAsync(Claim("one"), 1, None));

        await db.Leases.ReleaseAllAsync("one", Now, TimeSpan.FromSeconds(2), None);

        var again = Assert.Single(await db.Leases.ClaimAsync(Claim("two"), 1, None));
        Assert.Equal(Now.AddSeconds(2), again.NextStartAt);
        Assert.Equal(["https://a.example/1"], Urls([again]));
    }
}

/// <summary>The pollleases contract on SQLite.</summary>
public sealed class SqlitePollLeasesTests : PollLeasesContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The pollleases contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresPollLeasesTests : PollLeasesContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
