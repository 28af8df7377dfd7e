using System.Data.Common;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

public abstract class ArticleStoreContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static Article Make(string key, string title, string hash, DateTimeOffset? published = null) => new()
    {
        Key = key,
        Title = title,
        Url = "https://a.example/" + key,
        ContentHtml = "<p>" + title + "</p>",
        Authors = ["Ann"],
        Categories = ["news"],
        Enclosures = [new Enclosure("https://a.example/a.mp3", "audio/mpeg", 1234)],
        Published = published,
        ContentHash = hash,
    };

    private static async Task<Feed> SubscribeAsync(ITestStore db, string url = "https://a.example/feed")
    {
        await db.Feeds.SyncSubscriptionsAsync([new(url)], Now, None);
        return (await db.Feeds.ListAsync(None)).Single(f => f.Url == url);
    }

    [SkippableFact]
    public async Task A_second_save_of_the_same_articles_adds_and_writes_nothing()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        Article[] articles = [Make("guid:1", "One", "h1"), Make("guid:2", "Two", "h2")];

        Assert.Equal(new(2, 0, 0), await db.Articles.SaveAsync(feed, articles, Now, None));
        var version = await db.Articles.GetVersionAsync(None);
        Assert.Equal(new(0, 0, 2), await db.Articles.SaveAsync(feed, articles, Now.AddHours(1), None));
        Assert.Equal(version, await db.Articles.GetVersionAsync(None));
        Assert.Equal(2, (await db.Articles.GetNewestAsync(10, None)).Count);
    }

    [SkippableFact]
    public async Task A_changed_article_is_updated_in_place_keeping_its_public_id_and_first_seen_time()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make("guid:1", "Old title", "h1")], Now, None);
        var before = (await db.Articles.GetNewestAsync(10, None)).Single().Article;

        var summary = await db.Articles.SaveAsync(feed, [Make("guid:1", "New title", "h1b")], Now.AddHours(2), None);

        Assert.Equal(new(0, 1, 0), summary);
        var after = (await db.Articles.GetNewestAsync(10, None)).Single().Article;
        Assert.Equal("New title", after.Title);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.PublicId, after.PublicId);
        Assert.Equal(Now, after.FirstSeenAt);
        Assert.Equal(Now.AddHours(2), after.LastChangedAt);
        Assert.Equal(Now.AddHours(2), after.Updated);
    }

    [SkippableFact]
    public async Task Articles_round_trip_with_their_lists_and_source_newest_first()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(
            feed with { Title = "Feed A" },
            [Make("guid:old", "Old", "h1", Now.AddDays(-2)), Make("guid:new", "New", "h2", Now.AddDays(-1)), Make("guid:undated", "Undated", "h3")],
            Now, None);

        var newest = await db.Articles.GetNewestAsync(10, None);

        // Undated articles sort by when they were first seen (now), so they come first here.
        Assert.Equal(["Undated", "New", "Old"], newest.Select(n => n.Article.Title));
        var article = newest[1].Article;
        Assert.Equal(["Ann"], article.Authors);
        Assert.Equal(["news"], article.Categories);
        Assert.Equal(new Enclosure("https://a.example/a.mp3", "audio/mpeg", 1234), article.Enclosures.Single());
        Assert.Equal(Now.AddDays(-1), article.Published);
        Assert.StartsWith("tag:feedaggregator,2026:", article.PublicId);
        Assert.Equal("Feed A", newest[1].Source.Title);
        Assert.Equal(feed.Id, newest[1].Source.Id);
        Assert.Equal(2, await db.Articles.GetNewestAsync(2, None).ContinueWith(t => t.Result.Count));
    }

    [SkippableFact]
    public async Task One_key_is_one_article_per_feed_even_when_a_document_repeats_it()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed"), new("https://b.example/feed")], Now, None);
        var feeds = await db.Feeds.ListAsync(None);
        var (a, b) = (feeds.Single(f => f.Url.StartsWith("https://a.")), feeds.Single(f => f.Url.StartsWith("https://b.")));

        await db.Articles.SaveAsync(a, [Make("guid:1", "First", "h1"), Make("guid:1", "Repeat", "h2")], Now, None);
        await db.Articles.SaveAsync(b, [Make("guid:1", "Other feed", "h3")], Now, None);

        var all = await db.Articles.GetNewestAsync(10, None);
        Assert.Equal(2, all.Count);
        Assert.Equal("First", all.Single(x => x.Source.Id == a.Id).Article.Title);
        Assert.NotEqual(all[0].Article.PublicId, all[1].Article.PublicId);
        var counts = await db.Articles.CountByFeedAsync(None);
        Assert.Equal(1, counts[a.Id]);
        Assert.Equal(1, counts[b.Id]);
    }

    [SkippableFact]
    public async Task The_unique_index_refuses_a_duplicate_written_behind_the_store()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make("guid:1", "One", "h1")], Now, None);

        await Assert.ThrowsAnyAsync<DbException>(() => db.ExecuteAsync(
            "INSERT INTO articles (feed_id, key, public_id, title, content_hash, first_seen_at, last_changed_at, sort_at) VALUES (@id, 'guid:1', 'x', 't', 'h', 0, 0, 0)",
            new { id = feed.Id }));
    }

    [SkippableFact]
    public async Task Saving_records_the_feeds_poll_state_in_the_same_transaction()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed with { ETag = "\"e\"", Status = FeedStatus.Ok, LastSuccessAt = Now }, [Make("guid:1", "One", "h1")], Now, None);

        var stored = await db.Feeds.GetAsync(feed.Id, None);
        Assert.Equal("\"e\"", stored!.ETag);
        Assert.Equal(FeedStatus.Ok, stored.Status);
        Assert.Equal(Now, stored.LastSuccessAt);
    }

    [SkippableFact]
    public async Task Removing_a_subscription_removes_its_articles_and_changes_the_version()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make("guid:1", "One", "h1")], Now, None);
        var version = await db.Articles.GetVersionAsync(None);

        await db.Feeds.SyncSubscriptionsAsync([], Now, None);

        Assert.Empty(await db.Articles.GetNewestAsync(10, None));
        Assert.True(await db.Articles.GetVersionAsync(None) > version);
    }

    [SkippableFact]
    public async Task The_raw_hash_is_looked_up_by_key_and_refreshed_without_changing_the_version()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make("guid:1", "One", "h1") with { RawHash = "r1" }, Make("guid:2", "Two", "h2")], Now, None);
        var version = await db.Articles.GetVersionAsync(None);

        var known = await db.Articles.GetKnownAsync(feed.Id, ["guid:1", "guid:2", "guid:3"], [], None);
        Assert.True(known.IsUnchanged("guid:1", "r1"));
        Assert.False(known.IsUnchanged("guid:1", "r2"));
        Assert.False(known.IsUnchanged("guid:2", "r1"));
        Assert.False(known.IsUnchanged("guid:3", "r1"));

        // The same article from a differently written entry: no change readers see, a new raw hash.
        Assert.Equal(new(0, 0, 1), await db.Articles.SaveAsync(feed, [Make("guid:1", "One", "h1") with { RawHash = "r2" }], Now.AddHours(1), None));
        Assert.Equal(version, await db.Articles.GetVersionAsync(None));
        Assert.True((await db.Articles.GetKnownAsync(feed.Id, ["guid:1"], [], None)).IsUnchanged("guid:1", "r2"));
    }

    [SkippableFact]
    public async Task Retention_keeps_each_feeds_newest_articles_whatever_their_age()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://quiet.example/feed"), new("https://busy.example/feed")], Now, None);
        var feeds = await db.Feeds.ListAsync(None);
        var (quiet, busy) = (feeds.Single(f => f.Url.Contains("quiet")), feeds.Single(f => f.Url.Contains("busy")));
        // The quiet feed last posted two years ago; the busy one has old and new posts.
        await db.Articles.SaveAsync(quiet, [.. Enumerable.Range(1, 4).Select(i => Make($"q{i}", $"Quiet {i}", $"hq{i}", Now.AddDays(-700 - i)))], Now, None);
        await db.Articles.SaveAsync(busy,
            [.. Enumerable.Range(1, 4).Select(i => Make($"b{i}", $"Busy {i}", $"hb{i}", Now.AddDays(-100 - i))), Make("b0", "Busy new", "hb0", Now)], Now, None);

        var removed = await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 3, Now, None);

        Assert.Equal(1 + 2, removed);
        var titles = (await db.Articles.GetNewestAsync(20, None)).Select(i => i.Article.Title);
        Assert.Equal(["Busy new", "Busy 1", "Busy 2", "Quiet 1", "Quiet 2", "Quiet 3"], titles);
        // What went stays gone.
        Assert.True((await db.Articles.GetKnownAsync(quiet.Id, ["q4"], [], None)).IsRemoved("q4", null));
    }

    [SkippableFact]
    public async Task Keys_and_links_removed_by_retention_are_known_as_removed()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make("guid:old", "Old", "h1", Now.AddDays(-100)), Make("guid:new", "New", "h2", Now)], Now, None);
        await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 0, Now, None);

        var known = await db.Articles.GetKnownAsync(feed.Id, ["guid:old", "guid:new", "guid:renamed"], ["https://a.example/guid:old"], None);

        Assert.True(known.IsRemoved("guid:old", null));
        Assert.True(known.IsRemoved("guid:renamed", "https://a.example/guid:old"));
        Assert.False(known.IsRemoved("guid:new", "https://a.example/guid:new"));
    }

    [SkippableFact]
    public async Task A_batch_of_polls_stores_each_all_or_nothing_and_a_refused_one_fails_alone()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        var unknownFeed = new Feed { Id = 999, Url = "https://nowhere.example/feed" }; // its articles break the foreign key

        var outcomes = await db.Articles.SaveAllAsync(
        [
            new(feed with { ETag = "\"a\"" }, [Make("guid:1", "One", "h1")], Now),
            new(unknownFeed, [Make("guid:x", "Orphan", "hx")], Now),
            new(feed with { ETag = "\"b\"" }, null, Now),
        ], None);

        Assert.Equal(new StoreSummary(1, 0, 0), outcomes[0].Summary);
        Assert.IsAssignableFrom<DbException>(outcomes[1].Error);
        Assert.Equal(new StoreSummary(0, 0, 0), outcomes[2].Summary);
        Assert.Equal(["One"], (await db.Articles.GetNewestAsync(10, None)).Select(a => a.Article.Title));
        Assert.Equal("\"b\"", (await db.Feeds.GetAsync(feed.Id, None))!.ETag);
    }
}

/// <summary>The articlestore contract on SQLite.</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The articlestore contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresArticleStoreTests : ArticleStoreContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
