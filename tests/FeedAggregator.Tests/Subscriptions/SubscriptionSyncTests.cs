using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Subscriptions;

/// <summary>
/// The OPML sync: a file that drops most feeds at once is refused, not applied; a missing or
/// broken file changes nothing; what happened is logged for the operator.
/// </summary>
public sealed class SubscriptionSyncTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Subscription[] Feeds(int count) => [.. Enumerable.Range(0, count).Select(i => new Subscription($"https://f{i}.example/feed"))];

    private static async Task<SubscriptionHarness> SubscribedAsync(int feeds, SubscriptionsOptions? options = null)
    {
        var harness = await SubscriptionHarness.CreateAsync(options);
        harness.WriteOpml(Feeds(feeds));
        await harness.Sync.SyncAsync(None);
        return harness;
    }

    [Fact]
    public async Task An_empty_opml_over_many_feeds_is_refused_and_changes_nothing_until_forced()
    {
        await using var harness = await SubscribedAsync(20);
        harness.WriteOpml();

        Assert.Null(await harness.Sync.SyncAsync(None));
        Assert.Equal(20, (await harness.Db.Feeds.ListAsync(None)).Count);
        Assert.Contains("remove 20 of the 20 subscribed feeds", harness.Sync.Refusal);

        var forced = await harness.Sync.SyncAsync(None, allowMassRemoval: true);
        Assert.Equal(20, forced!.Removed);
        Assert.Null(harness.Sync.Refusal);
        Assert.Empty(await harness.Db.Feeds.ListAsync(None));
        Assert.Equal(20, (await harness.Db.Feeds.ListRemovedAsync(None)).Count);
    }

    [Fact]
    public async Task Removing_half_or_fewer_or_at_most_ten_feeds_is_applied()
    {
        await using var harness = await SubscribedAsync(30);

        harness.WriteOpml(Feeds(15));
        Assert.Equal(15, (await harness.Sync.SyncAsync(None))!.Removed);

        harness.WriteOpml(Feeds(5));
        Assert.Equal(10, (await harness.Sync.SyncAsync(None))!.Removed);
        Assert.Null(harness.Sync.Refusal);
    }

    [Fact]
    public async Task The_setting_allows_a_mass_removal_and_restoring_the_file_brings_every_feed_back()
    {
        await using var harness = await SubscribedAsync(12, new SubscriptionsOptions { AllowMassRemoval = true });
        var full = File.ReadAllText(harness.Opml);

        harness.WriteOpml();
        Assert.Equal(12, (await harness.Sync.SyncAsync(None))!.Removed);
        File.WriteAllText(harness.Opml, full);
        Assert.Equal(12, (await harness.Sync.SyncAsync(None))!.Restored);
        Assert.Equal(12, (await harness.Db.Feeds.ListAsync(None)).Count);
    }

    [Fact]
    public async Task A_refused_mass_removal_is_warned_once_with_how_to_apply_it_and_again_when_the_file_changes()
    {
        await using var harness = await SubscribedAsync(20);
        harness.WriteOpml();

        // The service syncs before every poll run: the same refusal must not flood the log.
        Assert.Null(await harness.Sync.SyncAsync(None));
        Assert.Null(await harness.Sync.SyncAsync(None));
        var warning = Assert.Single(harness.SyncLogs());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(harness.Opml, warning.Properties["OpmlFile"]);
        Assert.Equal(harness.Sync.Refusal, warning.Properties["Refusal"]);
        Assert.Contains("'feedagg feeds sync --force' or set Subscriptions:AllowMassRemoval=true", harness.Sync.Refusal);

        harness.WriteOpml(Feeds(2));
        Assert.Null(await harness.Sync.SyncAsync(None));
        Assert.Equal(2, harness.SyncLogs().Count);
        Assert.Contains("remove 18 of the 20 subscribed feeds", (string?)harness.SyncLogs()[1].Properties["Refusal"]);
    }

    [Fact]
    public async Task Feeds_leaving_the_file_are_warned_with_the_grace_that_keeps_their_articles()
    {
        await using var harness = await SubscribedAsync(5, new SubscriptionsOptions { RemovedGrace = TimeSpan.FromDays(7) });
        harness.WriteOpml(Feeds(3));

        Assert.Equal(2, (await harness.Sync.SyncAsync(None))!.Removed);

        var warning = Assert.Single(harness.SyncLogs());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(2, warning.Properties["Removed"]);
        Assert.Equal(harness.Opml, warning.Properties["OpmlFile"]);
        Assert.Equal(TimeSpan.FromDays(7), warning.Properties["RemovedGrace"]);
    }

    [Fact]
    public async Task A_sync_that_removes_nothing_warns_nothing_and_logs_what_it_changed()
    {
        await using var harness = await SubscribedAsync(2);
        harness.WriteOpml(new Subscription("https://f0.example/feed", "Retitled"), new("https://f1.example/feed"), new("https://f2.example/feed"));

        var changes = await harness.Sync.SyncAsync(None);

        Assert.Equal(new SubscriptionChanges(Added: 1, Removed: 0, Updated: 1), changes);
        Assert.Empty(harness.SyncLogs());
        var summary = harness.SyncLogs(LogLevel.Information)[^1];
        Assert.Equal(LogLevel.Information, summary.Level);
        Assert.Equal(3, summary.Properties["Count"]);
        Assert.Equal(harness.Opml, summary.Properties["OpmlFile"]);
        Assert.Equal(1, summary.Properties["Added"]);
        Assert.Equal(0, summary.Properties["Removed"]);
        Assert.Equal(0, summary.Properties["Restored"]);
        Assert.Equal(1, summary.Properties["Updated"]);
    }

    [Fact]
    public async Task A_missing_opml_file_changes_nothing_and_is_warned()
    {
        await using var harness = await SubscribedAsync(2);
        File.Delete(harness.Opml);

        Assert.Null(await harness.Sync.SyncAsync(None));

        Assert.Equal(2, (await harness.Db.Feeds.ListAsync(None)).Count);
        var warning = Assert.Single(harness.SyncLogs());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(harness.Opml, warning.Properties["OpmlFile"]);
    }

    [Fact]
    public async Task A_broken_opml_file_changes_nothing_and_is_logged_as_an_error()
    {
        await using var harness = await SubscribedAsync(3);
        File.WriteAllText(harness.Opml, "<opml><body><outline");

        Assert.Null(await harness.Sync.SyncAsync(None));

        Assert.Equal(3, (await harness.Db.Feeds.ListAsync(None)).Count);
        var error = Assert.Single(harness.SyncLogs());
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(harness.Opml, error.Properties["OpmlFile"]);
        Assert.Contains("is not well-formed OPML", (string?)error.Properties["Error"]);
    }
}
