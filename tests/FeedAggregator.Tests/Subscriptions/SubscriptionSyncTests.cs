using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Subscriptions;

/// <summary>The OPML sync's guard: a file that drops most feeds at once is refused, not applied.</summary>
public sealed class SubscriptionSyncTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(TempDatabase Db, SubscriptionSync Sync, string Opml)> SubscribedAsync(int feeds, bool allowMassRemoval = false)
    {
        var db = await TempDatabase.CreateAsync();
        var opml = Path.Combine(db.Directory, "feeds.opml");
        OpmlFile.Write(opml, [.. Enumerable.Range(0, feeds).Select(i => new Subscription($"https://f{i}.example/feed"))]);
        var sync = new SubscriptionSync(
            db.Feeds,
            Options.Create(new FeedsOptions { File = opml }),
            Options.Create(new SubscriptionsOptions { AllowMassRemoval = allowMassRemoval }),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)),
            NullLogger<SubscriptionSync>.Instance);
        await sync.SyncAsync(None);
        return (db, sync, opml);
    }

    [Fact]
    public async Task An_empty_opml_over_many_feeds_is_refused_and_changes_nothing_until_forced()
    {
        var (db, sync, opml) = await SubscribedAsync(20);
        await using var _db = db;
        OpmlFile.Write(opml, []);

        Assert.Null(await sync.SyncAsync(None));
        Assert.Equal(20, (await db.Feeds.ListAsync(None)).Count);
        Assert.Contains("remove 20 of the 20 subscribed feeds", sync.Refusal);

        var forced = await sync.SyncAsync(None, allowMassRemoval: true);
        Assert.Equal(20, forced!.Removed);
        Assert.Null(sync.Refusal);
        Assert.Empty(await db.Feeds.ListAsync(None));
        Assert.Equal(20, (await db.Feeds.ListRemovedAsync(None)).Count);
    }

    [Fact]
    public async Task Removing_half_or_fewer_or_at_most_ten_feeds_is_applied()
    {
        var (db, sync, opml) = await SubscribedAsync(30);
        await using var _db = db;

        OpmlFile.Write(opml, [.. Enumerable.Range(0, 15).Select(i => new Subscription($"https://f{i}.example/feed"))]);
        Assert.Equal(15, (await sync.SyncAsync(None))!.Removed);

        OpmlFile.Write(opml, [.. Enumerable.Range(0, 5).Select(i => new Subscription($"https://f{i}.example/feed"))]);
        Assert.Equal(10, (await sync.SyncAsync(None))!.Removed);
        Assert.Null(sync.Refusal);
    }

    [Fact]
    public async Task The_setting_allows_a_mass_removal_and_restoring_the_file_brings_every_feed_back()
    {
        var (db, sync, opml) = await SubscribedAsync(12, allowMassRemoval: true);
        await using var _db = db;
        var full = File.ReadAllText(opml);

        OpmlFile.Write(opml, []);
        Assert.Equal(12, (await sync.SyncAsync(None))!.Removed);
        File.WriteAllText(opml, full);
        Assert.Equal(12, (await sync.SyncAsync(None))!.Restored);
        Assert.Equal(12, (await db.Feeds.ListAsync(None)).Count);
    }
}
