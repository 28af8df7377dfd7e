using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>How a save joins articles into stories, keeps what retention removed out, and keeps the raw hash.</summary>
public abstract class ArticleStoriesContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static async Task AssertSavedAsync(StoreSummary expected, Task<StoreSummary> save) => Assert.Equal(expected, await save);

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static TextFingerprint Words(string stem) => TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{stem}word{i}")))!;

    private static Article Make(string key, string url, string hash, TextFingerprint? fingerprint = null, int hoursAgo = 1) => new()
    {
        Key = key, Title = key, Url = url, ContentHash = hash, Published = Now.AddHours(-hoursAgo), Fingerprint = fingerprint,
    };

    private static async Task<(ITestStore Db, Feed A, Feed B)> TwoFeedsAsync(StoreFixture store)
    {
        var db = await store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed"), new("https://b.example/feed")], Now, None);
        var feeds = await db.Feeds.ListAsync(None);
        return (db, feeds.Single(f => f.Url.StartsWith("https://a.")), feeds.Single(f => f.Url.StartsWith("https://b.")));
    }

    /// <summary>The story index's rows for one article: one per band of its fingerprint, none without one.</summary>
    private static Task<long> BucketsAsync(ITestStore db, long articleId) => db.StoryBucketsAsync(articleId);

    private static async Task<Article> ArticleAsync(ITestStore db, string key) =>
        (await db.Articles.GetNewestAsync(20, None)).Single(a => a.Article.Key == key).Article;

    [SkippableFact]
    public async Task An_article_with_a_link_another_feed_stored_joins_that_story_and_counts_as_merged()
    {
        var (db, a, b) = await TwoFeedsAsync(Store);
        await using var _ = db;

        await AssertSavedAsync(new StoreSummary(1, 0, 0, 0), db.Articles.SaveAsync(a, [Make("a1", "https://x.example/story", "h1", Words("alpha"), 3)], Now, None));
        await AssertSavedAsync(new StoreSummary(2, 0, 0, 1), db.Articles.SaveAsync(b,
            [Make("b1", "https://x.example/story", "h2", Words("beta"), 2), Make("b2", "https://b.example/own", "h3", Words("gamma"))], Now, None));

        var first = await ArticleAsync(db, "a1");
        var joined = await ArticleAsync(db, "b1");
        var alone = await ArticleAsync(db, "b2");
        Assert.Equal(("first", first.Id), (first.StoryMatch, first.StoryId));
        Assert.Equal(("link", first.Id), (joined.StoryMatch, joined.StoryId));
        Assert.Equal(("first", alone.Id), (alone.StoryMatch, alone.StoryId));
    }

    [SkippableFact]
    public async Task An_updated_articles_new_text_is_what_later_articles_are_matched_against()
    {
        var (db, a, b) = await TwoFeedsAsync(Store);
        await using var _ = db;
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1", Words("alpha"), 3)], Now, None);
        await AssertSavedAsync(new StoreSummary(0, 1, 0), db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1b", Words("omega"), 3)], Now, None));
        var updated = await ArticleAsync(db, "a1");
        Assert.Equal(TextFingerprint.BandCount, await BucketsAsync(db, updated.Id));

        // Another feed's article with the old text stands alone; one with the new text joins.
        await AssertSavedAsync(new StoreSummary(2, 0, 0, 1), db.Articles.SaveAsync(b,
            [Make("b-old", "https://b.example/old", "h2", Words("alpha")), Make("b-new", "https://b.example/new", "h3", Words("omega"))], Now, None));

        var alone = await ArticleAsync(db, "b-old");
        Assert.Equal(("first", alone.Id), (alone.StoryMatch, alone.StoryId));
        var joined = await ArticleAsync(db, "b-new");
        Assert.Equal(("text", updated.Id), (joined.StoryMatch, joined.StoryId));
    }

    [SkippableFact]
    public async Task An_article_without_a_link_joins_a_story_by_its_text()
    {
        var (db, a, b) = await TwoFeedsAsync(Store);
        await using var _ = db;
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1", Words("alpha"), 3)], Now, None);

        await AssertSavedAsync(new StoreSummary(2, 0, 0, 1), db.Articles.SaveAsync(b,
            [Make("b1", "https://b.example/1", "h2", Words("alpha")) with { Url = null }, Make("b2", "https://b.example/2", "h3") with { Url = null }], Now, None));

        var joined = await ArticleAsync(db, "b1");
        Assert.Equal(("text", (await ArticleAsync(db, "a1")).Id), (joined.StoryMatch, joined.StoryId));
        Assert.Equal("first", (await ArticleAsync(db, "b2")).StoryMatch);
    }

    [SkippableFact]
    public async Task An_article_that_loses_its_text_is_no_longer_matched_by_it()
    {
        var (db, a, b) = await TwoFeedsAsync(Store);
        await using var _ = db;
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1", Words("alpha"), 3)], Now, None);
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1b", null, 3)], Now, None);
        Assert.Equal(0, await BucketsAsync(db, (await ArticleAsync(db, "a1")).Id));

        await AssertSavedAsync(new StoreSummary(1, 0, 0, 0), db.Articles.SaveAsync(b, [Make("b1", "https://b.example/1", "h2", Words("alpha"))], Now, None));
        Assert.Equal("first", (await ArticleAsync(db, "b1")).StoryMatch);
    }

    // Without text at first, the update gives it its text; with the same text, the update keeps it.
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_article_updated_with_text_is_matched_by_it(bool hadText)
    {
        var (db, a, b) = await TwoFeedsAsync(Store);
        await using var _ = db;
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1", hadText ? Words("alpha") : null, 3)], Now, None);
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1b", Words("alpha"), 3)], Now, None);
        Assert.Equal(TextFingerprint.BandCount, await BucketsAsync(db, (await ArticleAsync(db, "a1")).Id));

        await AssertSavedAsync(new StoreSummary(1, 0, 0, 1), db.Articles.SaveAsync(b, [Make("b1", "https://b.example/1", "h2", Words("alpha"))], Now, None));
        Assert.Equal("text", (await ArticleAsync(db, "b1")).StoryMatch);
    }

    [SkippableFact]
    public async Task An_article_retention_removed_stays_removed_when_the_feed_still_lists_it()
    {
        var (db, a, _) = await TwoFeedsAsync(Store);
        await using var __ = db;
        Article[] document = [Make("old", "https://a.example/old", "h1", Words("alpha"), 24 * 100), Make("new", "https://a.example/new", "h2", Words("beta"))];
        await db.Articles.SaveAsync(a, document, Now, None);
        var old = await ArticleAsync(db, "old");
        Assert.Equal(1, await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 0, Now, None));
        // Its place in the story index went with it.
        Assert.Equal(0, await BucketsAsync(db, old.Id));
        Assert.Equal(TextFingerprint.BandCount, await db.StoryBucketsAsync());
        var version = await db.Articles.GetVersionAsync(None);

        // Under a new key but at the removed link: gone too.
        Article[] again = [.. document, Make("old-renamed", "https://a.example/old", "h3", Words("gamma"), 24 * 100)];
        await AssertSavedAsync(new StoreSummary(0, 0, 3), db.Articles.SaveAsync(a, again, Now.AddHours(1), None));

        Assert.Equal(["new"], (await db.Articles.GetNewestAsync(10, None)).Select(x => x.Article.Key));
        Assert.Equal(version, await db.Articles.GetVersionAsync(None));
    }

    [SkippableFact]
    public async Task An_entry_whose_guid_changed_keeps_the_identity_of_the_earliest_article_with_its_link_and_title()
    {
        var (db, a, _) = await TwoFeedsAsync(Store);
        await using var _ = db;
        // Two entries with one link and title (both in the document, so neither is taken for the other).
        await db.Articles.SaveAsync(a, [Make("first", "https://a.example/1", "h1") with { Title = "Same" }, Make("second", "https://a.example/1", "h2") with { Title = "Same" }], Now, None);
        var (first, second) = (await ArticleAsync(db, "first"), await ArticleAsync(db, "second"));
        var renamed = Make("third", "https://a.example/1", "h3") with { Title = "Same" };

        await AssertSavedAsync(new StoreSummary(0, 1, 0), db.Articles.SaveAsync(a, [renamed], Now.AddHours(1), None));

        var stored = await db.Articles.GetNewestAsync(10, None);
        Assert.Equal(2, stored.Count);
        Assert.Equal((first.Id, first.PublicId, "h3"), stored.Select(x => x.Article).Where(x => x.Id == first.Id).Select(x => (x.Id, x.PublicId, x.ContentHash)).Single());
        Assert.Equal(second.ContentHash, stored.Single(x => x.Article.Id == second.Id).Article.ContentHash);
    }

    [SkippableFact]
    public async Task A_save_without_a_raw_hash_keeps_the_one_stored()
    {
        var (db, a, _) = await TwoFeedsAsync(Store);
        await using var _ = db;
        await db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1") with { RawHash = "r1" }], Now, None);

        await AssertSavedAsync(new StoreSummary(0, 0, 1), db.Articles.SaveAsync(a, [Make("a1", "https://a.example/1", "h1")], Now.AddHours(1), None));

        Assert.True((await db.Articles.GetKnownAsync(a.Id, ["a1"], [], None)).IsUnchanged("a1", "r1"));
    }
}

/// <summary>The stories contract on SQLite.</summary>
public sealed class SqliteArticleStoriesTests : ArticleStoriesContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The stories contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresArticleStoriesTests : ArticleStoriesContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
