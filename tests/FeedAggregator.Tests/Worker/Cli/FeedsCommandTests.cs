using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>feeds list | add | remove</c>: the OPML file and the store change together.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FeedsCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public FeedsCommandTests() => _folder.WriteOpml(new Subscription("https://kept.example/feed.xml", "Kept"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Add_writes_the_feed_with_its_title_and_folder_and_list_shows_it()
    {
        var added = await _folder.RunAsync("feeds", "add", "HTTPS://News.Example/rss", "--title", "News", "--category", "World");
        var list = await _folder.RunAsync("feeds", "list");
        var json = await _folder.RunAsync("feeds", "list", "--json");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal(["subscribed to HTTPS://News.Example/rss"], added.Lines);
        Assert.Equal(
            [new Subscription("https://kept.example/feed.xml", "Kept"), new Subscription("https://news.example/rss", "News", "World")],
            _folder.ReadOpml());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(2, list.Lines.Count);
        Assert.Contains(list.Lines, l => l.StartsWith("new    https://news.example/rss  \"News\"  0 articles, next poll now", StringComparison.Ordinal));
        var row = json.Lines.Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("url").GetString() == "https://news.example/rss");
        Assert.Equal("News", row.GetProperty("title").GetString());
        Assert.Equal("World", row.GetProperty("category").GetString());
        Assert.Equal("new", row.GetProperty("status").GetString());
        Assert.Equal(0, row.GetProperty("consecutive_errors").GetInt32());
        Assert.Equal(0, row.GetProperty("articles").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("last_error").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("next_poll").ValueKind);
    }

    [Fact]
    public async Task Adding_a_subscribed_url_again_retitles_it_instead_of_adding_a_second()
    {
        await _folder.RunAsync("feeds", "add", "https://kept.example/feed.xml", "--title", "Renamed");
        var json = await _folder.RunAsync("feeds", "list", "--json");

        Assert.Equal([new Subscription("https://kept.example/feed.xml", "Renamed")], _folder.ReadOpml());
        Assert.Equal("Renamed", JsonDocument.Parse(Assert.Single(json.Lines)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Remove_takes_the_feed_out_of_the_file_and_the_list()
    {
        var removed = await _folder.RunAsync("feeds", "remove", "https://kept.example/feed.xml");
        var list = await _folder.RunAsync("feeds", "list");

        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal(["unsubscribed from https://kept.example/feed.xml"], removed.Lines);
        Assert.Empty(_folder.ReadOpml());
        // Kept for the grace period, and said so, until purged.
        var line = Assert.Single(list.Lines);
        Assert.StartsWith("removed https://kept.example/feed.xml", line, StringComparison.Ordinal);
        Assert.Contains("articles kept until", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_deletes_a_feed_for_good_and_says_what_it_deleted()
    {
        var purged = await _folder.RunAsync("feeds", "purge", "https://kept.example/feed.xml");
        var list = await _folder.RunAsync("feeds", "list");
        var again = await _folder.RunAsync("feeds", "purge", "https://kept.example/feed.xml");

        Assert.True(purged.ExitCode == 0, purged.ToString());
        Assert.Equal(["purged https://kept.example/feed.xml: 0 articles and 0 tombstones deleted for good"], purged.Lines);
        Assert.Empty(_folder.ReadOpml());
        Assert.Empty(list.Lines);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no feed has the URL", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_refuses_an_empty_file_over_many_feeds_until_forced()
    {
        _folder.WriteOpml([.. Enumerable.Range(0, 12).Select(i => new Subscription($"https://f{i}.example/feed"))]);
        Assert.Equal(0, (await _folder.RunAsync("feeds", "sync")).ExitCode);
        _folder.WriteOpml([]);

        var refused = await _folder.RunAsync("feeds", "sync");
        var forced = await _folder.RunAsync("feeds", "sync", "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(@"(?m)^feedagg: the OPML file was not applied: .*would remove 12 of the 12 subscribed feeds.*\.\r?$", refused.Error);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(["0 added, 12 removed (kept for the grace period), 0 restored, 0 updated"], forced.Lines);
    }

    [Fact]
    public async Task Removing_a_url_not_subscribed_exits_1_and_changes_nothing()
    {
        var removed = await _folder.RunAsync("feeds", "remove", "https://other.example/feed.xml");

        Assert.True(removed.ExitCode == 1, removed.ToString());
        Assert.Contains("feedagg: not subscribed to 'https://other.example/feed.xml'.", removed.Error, StringComparison.Ordinal);
        Assert.Single(_folder.ReadOpml());
    }

    [Fact]
    public async Task Reactivating_a_feed_that_is_not_gone_exits_1()
    {
        var result = await _folder.RunAsync("feeds", "reactivate", "https://kept.example/feed.xml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("feedagg: no gone feed has the URL 'https://kept.example/feed.xml'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_without_an_opml_file_exits_1_and_points_at_the_warning()
    {
        File.Delete(_folder.Opml);

        var result = await _folder.RunAsync("feeds", "sync");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.EndsWith($"feedagg: the OPML file was not applied: see the message above.{Environment.NewLine}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_on_a_new_folder_applies_the_opml_file_first()
    {
        var list = await _folder.RunAsync("feeds", "list");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("new    https://kept.example/feed.xml  \"Kept\"  0 articles, next poll now", Assert.Single(list.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_feed_is_kept_for_the_grace_period_from_its_removal()
    {
        await _folder.RunAsync("feeds", "remove", "https://kept.example/feed.xml");

        var json = await _folder.RunAsync("feeds", "list", "--json", "--Subscriptions:RemovedGrace=10.00:00:00");

        var row = JsonDocument.Parse(Assert.Single(json.Lines)).RootElement;
        Assert.Equal("removed", row.GetProperty("status").GetString());
        Assert.Equal(
            TimeSpan.FromDays(10),
            DateTimeOffset.Parse(row.GetProperty("purge_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(row.GetProperty("removed_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Purge_finds_a_feed_by_its_url_in_any_spelling_of_scheme_and_host()
    {
        var purged = await _folder.RunAsync("feeds", "purge", "HTTPS://KEPT.Example/feed.xml");

        Assert.True(purged.ExitCode == 0, purged.ToString());
        Assert.Equal(["purged https://kept.example/feed.xml: 0 articles and 0 tombstones deleted for good"], purged.Lines);
    }

    [Fact]
    public async Task Purge_finds_a_feed_stored_under_a_url_that_is_not_normalised()
    {
        Assert.Equal(0, (await _folder.RunAsync("feeds", "sync")).ExitCode);
        using (var connections = new SqliteConnectionFactory(_folder.Database))
            await new SqliteFeedStore(connections).SyncSubscriptionsAsync([new Subscription("https://odd.example")], DateTimeOffset.UtcNow, CancellationToken.None);

        var purged = await _folder.RunAsync("feeds", "purge", "https://odd.example");

        Assert.True(purged.ExitCode == 0, purged.ToString());
        Assert.Equal(["purged https://odd.example: 0 articles and 0 tombstones deleted for good"], purged.Lines);
    }

    [Fact]
    public async Task List_shows_a_feed_warning_and_its_websub_subscription()
    {
        _folder.WriteOpml(new Subscription("https://kept.example/feed.xml", "Kept"), new Subscription("https://pushed.example/feed.xml", "Pushed"));
        Assert.Equal(0, (await _folder.RunAsync("feeds", "sync")).ExitCode);
        var leaseUntil = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using (var connections = new SqliteConnectionFactory(_folder.Database))
        {
            var store = new SqliteFeedStore(connections);
            var feeds = await store.ListAsync(CancellationToken.None);
            var kept = feeds.Single(f => f.Url == "https://kept.example/feed.xml");
            await store.UpdatePollStateAsync(kept with { Status = FeedStatus.Ok, Warning = "served as text/html" }, CancellationToken.None);
            var webSub = new SqliteWebSubStore(connections);
            var pushed = feeds.Single(f => f.Url == "https://pushed.example/feed.xml");
            var hub = await webSub.AddAsync(pushed.Id, new HubLink("https://hub.example/", pushed.Url), "token", "secret", DateTimeOffset.UtcNow, CancellationToken.None);
            await webSub.AddAsync(kept.Id, new HubLink("https://hub.example/", kept.Url), "token-2", "secret-2", DateTimeOffset.UtcNow, CancellationToken.None);
            await webSub.VerifiedAsync(hub!.Id, DateTimeOffset.UtcNow, leaseUntil, renewal: false, CancellationToken.None);
        }

        var list = await _folder.RunAsync("feeds", "list");
        var json = (await _folder.RunAsync("feeds", "list", "--json")).Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(
        [
            "ok     https://kept.example/feed.xml  \"Kept\"  0 articles, next poll now, WebSub subscribing  (warning: served as text/html)",
            "new    https://pushed.example/feed.xml  \"Pushed\"  0 articles, next poll now, WebSub verified until 2030-01-02T03:04:05Z (0 pushes)",
        ], list.Lines);
        var websub = json.Single(r => r.GetProperty("url").GetString() == "https://pushed.example/feed.xml").GetProperty("websub");
        Assert.Equal(("https://hub.example/", "verified", "2030-01-02T03:04:05Z"),
            (websub.GetProperty("hub").GetString(), websub.GetProperty("state").GetString(), websub.GetProperty("lease_until").GetString()));
        Assert.Equal("served as text/html", json.Single(r => r.GetProperty("url").GetString() == "https://kept.example/feed.xml").GetProperty("warning").GetString());
    }

    [Fact]
    public async Task A_feed_without_websub_has_none_in_json()
    {
        var json = await _folder.RunAsync("feeds", "list", "--json");

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Assert.Single(json.Lines)).RootElement.GetProperty("websub").ValueKind);
    }
}
