using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Seeding;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Stories;

/// <summary>Identity, updates, tombstones and cross-feed stories, on a real SQLite file.</summary>
public abstract class StoryStoreContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 1, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ArticleProcessor Processor = new(new ContentSanitizer());

    private static async Task<Feed> SubscribeAsync(ITestStore db, string url)
    {
        await db.Feeds.SyncSubscriptionsAsync([.. (await db.Feeds.ListAsync(None)).Where(f => f.Url != SeedImporter.SourceUrl).Select(f => new Subscription(f.Url)), new(url)], Now, None);
        return (await db.Feeds.ListAsync(None)).Single(f => f.Url == url);
    }

    private static IReadOnlyList<Article> Poll(Feed feed, params ParsedEntry[] entries) =>
        Processor.Process(new ParsedFeed { Format = FeedFormat.Rss20, Title = "t", Entries = entries }, new Uri(feed.Url), feed.Id);

    private static ParsedEntry Entry(string? id, string link, string title, string text = "Body text.") =>
        new() { Id = id, Link = link, Title = title, Content = "<p>" + text + "</p>", Published = Now };

    [SkippableFact]
    public void A_guid_that_two_entries_share_identifies_neither_of_them()
    {
        var feed = new Feed { Id = 1, Url = "https://a.example/feed" };
        var articles = Poll(feed, Entry("same", "https://a.example/1", "One"), Entry("same", "https://a.example/2", "Two"), Entry("own", "https://a.example/3", "Three"));
        Assert.Equal(["link:https://a.example/1", "link:https://a.example/2", "guid:own"], articles.Select(a => a.Key));
    }

    [SkippableFact]
    public async Task A_feed_whose_guids_change_every_fetch_keeps_one_article_per_entry()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db, "https://a.example/feed");
        await db.Articles.SaveAsync(feed, Poll(feed, Entry("run-1-a", "https://a.example/a?utm_source=rss", "A")), Now, None);
        var version = await db.Articles.GetVersionAsync(None);

        var second = await db.Articles.SaveAsync(feed, Poll(feed, Entry("run-2-a", "https://a.example/a?utm_source=feed", "A")), Now.AddHours(1), None);

        Assert.Equal(new(0, 0, 1), second);
        Assert.Equal(version, await db.Articles.GetVersionAsync(None));
        var stored = Assert.Single(await db.Articles.GetNewestAsync(10, None)).Article;
        Assert.Equal("https://a.example/a", stored.Url);
    }

    [SkippableFact]
    public async Task An_edited_entry_is_updated_in_place_with_its_id_kept_and_its_updated_time_bumped()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db, "https://a.example/feed");
        await db.Articles.SaveAsync(feed, Poll(feed, Entry("g1", "https://a.example/a", "Old title")), Now, None);
        var before = Assert.Single(await db.Articles.GetNewestStoriesAsync(10, None)).Primary;

        var summary = await db.Articles.SaveAsync(feed, Poll(feed, Entry("g1", "https://a.example/a2", "New title", "New body.")), Now.AddHours(3), None);

        Assert.Equal(new(0, 1, 0), summary);
        var after = Assert.Single(await db.Articles.GetNewestStoriesAsync(10, None)).Primary;
        Assert.Equal((before.Id, before.PublicId), (after.Id, after.PublicId));
        Assert.Equal(("New title", "https://a.example/a2"), (after.Title, after.Url));
        Assert.Equal(Now.AddHours(3), after.Updated);
    }

    [SkippableFact]
    public async Task An_article_removed_by_retention_is_not_added_again_by_a_later_poll()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db, "https://a.example/feed");
        var old = Entry("old", "https://a.example/old", "Old") with { Published = Now.AddDays(-90) };
        await db.Articles.SaveAsync(feed, Poll(feed, old, Entry("new", "https://a.example/new", "New")), Now, None);

        Assert.Equal(1, await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 0, Now, None));
        var again = await db.Articles.SaveAsync(feed, Poll(feed, old, Entry("new", "https://a.example/new", "New")), Now.AddHours(1), None);
        var renamed = await db.Articles.SaveAsync(feed, Poll(feed, old with { Id = "old-renamed" }), Now.AddHours(2), None);

        Assert.Equal(0, again.Added + renamed.Added);
        Assert.Equal(["New"], (await db.Articles.GetNewestAsync(10, None)).Select(r => r.Article.Title));
    }

    [SkippableFact]
    public async Task The_same_canonical_link_from_two_feeds_is_one_story_with_two_sources()
    {
        await using var db = await Store.CreateAsync();
        var first = await SubscribeAsync(db, "https://a.example/feed");
        var second = await SubscribeAsync(db, "https://b.example/feed");
        await db.Articles.SaveAsync(first, Poll(first, Entry("a-1", "https://news.example/story?utm_source=a", "Story")), Now, None);
        await db.Articles.SaveAsync(second, Poll(second, Entry("b-9", "https://NEWS.example/story#x", "Story, retitled") with { Published = Now.AddHours(1) }), Now.AddHours(1), None);

        var story = Assert.Single(await db.Articles.GetNewestStoriesAsync(10, None));
        Assert.Equal(first.Id, story.Primary.FeedId);
        var other = Assert.Single(story.Others);
        Assert.Equal(second.Id, other.Source.Id);
        Assert.Equal(("link", 1.0), (other.Article.StoryMatch, other.Article.StoryScore));
    }

    [SkippableFact]
    public async Task A_feed_that_republishes_the_seed_is_one_story_with_the_seed_as_primary()
    {
        await using var db = await Store.CreateAsync();
        var seeds = await db.Feeds.EnsureSeedFeedAsync(SeedImporter.SourceUrl, "Seeds", Now.AddDays(-1), None);
        var seed = SeedDocument.Read(StoryFixtures.Text("seed-original"))!;
        await db.Articles.SaveAsync(seeds, Processor.Process(new ParsedFeed { Format = FeedFormat.Rss20, Entries = [seed] }, null, seeds.Id), Now.AddDays(-1), None);
        var feed = await SubscribeAsync(db, "https://republisher.example/feed");

        var copy = SeedDocument.Read(StoryFixtures.Text("seed-tatweel"))! with { Id = "rep-1", Link = "https://republisher.example/1", Published = Now };
        await db.Articles.SaveAsync(feed, Poll(feed, copy), Now, None);

        var story = Assert.Single(await db.Articles.GetNewestStoriesAsync(10, None));
        Assert.Equal(seeds.Id, story.Primary.FeedId);
        var other = Assert.Single(story.Others).Article;
        Assert.Equal("text", other.StoryMatch);
        Assert.True(other.StoryScore >= 0.5);
        Assert.Equal(2, (await db.Articles.GetStoryAsync(other.Id, None)).Count);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 2)]
    public async Task The_configured_similarity_threshold_decides_whether_an_edited_copy_joins_the_story(double threshold, int stories)
    {
        await using var db = await TempDatabase.CreateAsync(new DedupeOptions { SimilarityThreshold = threshold });
        var wire = await SubscribeAsync(db, "https://wire.example/feed");
        var paper = await SubscribeAsync(db, "https://paper.example/feed");
        var original = SeedDocument.Read(StoryFixtures.Text("wire-en-original"))! with { Id = "w-1", Link = "https://wire.example/1", Published = Now };
        var edited = SeedDocument.Read(StoryFixtures.Text("wire-en-edited"))! with { Id = "p-1", Link = "https://paper.example/1", Published = Now.AddHours(1) };

        await db.Articles.SaveAsync(wire, Poll(wire, original), Now, None);
        await db.Articles.SaveAsync(paper, Poll(paper, edited), Now.AddHours(1), None);

        // The edited copy scores between the two thresholds: grouped at 0.5, a story of its own at 1.0.
        Assert.Equal(stories, (await db.Articles.GetNewestStoriesAsync(10, None)).Count);
    }
}

/// <summary>The storystore contract on SQLite.</summary>
public sealed class SqliteStoryStoreTests : StoryStoreContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The storystore contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresStoryStoreTests : StoryStoreContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
