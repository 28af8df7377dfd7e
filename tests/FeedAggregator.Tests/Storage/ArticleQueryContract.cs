using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

public abstract class ArticleQueryContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static Article Make(string key, string title, string html, string? language, string category, int hoursAgo) => new()
    {
        Key = key,
        Title = title,
        ContentHtml = html,
        Language = language,
        Categories = [category],
        Published = Now.AddHours(-hoursAgo),
        ContentHash = key + title,
    };

    private async Task<ITestStore> SeedAsync()
    {
        var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync(
            [new("https://tech.example/feed", "Tech Daily", "Tech"), new("https://world.example/feed", "World", "News")], Now, None);
        var feeds = await db.Feeds.ListAsync(None);
        await db.Articles.SaveAsync(feeds.Single(f => f.Url == "https://tech.example/feed"),
        [
            Make("t1", "Kernel released", "<p>The scheduler is faster</p>", "en", "Linux", 1),
            Make("t2", "Compilers podcast", "<p>Register allocation</p>", "en-GB", "Podcasts", 2),
        ], Now, None);
        await db.Articles.SaveAsync(feeds.Single(f => f.Url == "https://world.example/feed"),
        [
            Make("w1", "قمة المناخ", "<p>اجتمع القادة في القاهرة</p>", "ar", "Climate", 3),
            Make("w2", "Markets close higher", "<p>Stocks rose, the scheduler said</p>", "en", "Economy", 4),
        ], Now, None);
        return db;
    }

    private static async Task<string[]> TitlesAsync(ITestStore db, ArticleFilter filter, int offset = 0, int limit = 10) =>
        [.. (await db.Articles.QueryAsync(filter, offset, limit, None)).Items.Select(i => i.Article.Title)];

    [SkippableFact]
    public async Task Full_text_search_matches_every_word_in_title_or_content_newest_first()
    {
        await using var db = await SeedAsync();
        Assert.Equal(["Kernel released", "Markets close higher"], await TitlesAsync(db, new(Text: "scheduler")));
        Assert.Equal(["Markets close higher"], await TitlesAsync(db, new(Text: "scheduler stocks")));
        Assert.Equal(["قمة المناخ"], await TitlesAsync(db, new(Text: "القاهرة")));
    }

    [SkippableFact]
    public async Task Search_reads_the_plain_text_or_else_the_content_or_else_the_summary()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed")], Now, None);
        var feed = Assert.Single(await db.Feeds.ListAsync(None));
        await db.Articles.SaveAsync(feed,
        [
            new Article { Key = "text", Title = "Plain", Text = "plainword", ContentHtml = "<p>shadowedword</p>", ContentHash = "1" },
            new Article { Key = "both", Title = "Both", ContentHtml = "<p>contentword</p>", SummaryHtml = "<p>summaryword</p>", ContentHash = "2" },
            new Article { Key = "summary", Title = "Summary", SummaryHtml = "<p>onlysummaryword</p>", ContentHash = "3" },
        ], Now, None);

        Assert.Equal(["Plain"], await TitlesAsync(db, new(Text: "plainword")));
        Assert.Empty(await TitlesAsync(db, new(Text: "shadowedword")));
        Assert.Equal(["Both"], await TitlesAsync(db, new(Text: "contentword")));
        Assert.Empty(await TitlesAsync(db, new(Text: "summaryword")));
        Assert.Equal(["Summary"], await TitlesAsync(db, new(Text: "onlysummaryword")));
    }

    [SkippableTheory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b")]
    [InlineData("a OR -b*:")]
    public async Task Search_text_is_words_never_fts5_syntax(string text)
    {
        await using var db = await SeedAsync();
        Assert.Empty(await TitlesAsync(db, new(Text: text)));
    }

    [SkippableFact]
    public async Task Language_matches_the_tag_and_its_regional_variants()
    {
        await using var db = await SeedAsync();
        Assert.Equal(["Kernel released", "Compilers podcast", "Markets close higher"], await TitlesAsync(db, new(Language: "en")));
        Assert.Equal(["قمة المناخ"], await TitlesAsync(db, new(Language: "AR")));
    }

    [SkippableFact]
    public async Task Category_matches_article_categories_and_the_feeds_opml_folder()
    {
        await using var db = await SeedAsync();
        Assert.Equal(["Compilers podcast"], await TitlesAsync(db, new(Category: "podcasts")));
        Assert.Equal(["قمة المناخ", "Markets close higher"], await TitlesAsync(db, new(Category: "News")));
    }

    [SkippableFact]
    public async Task Source_matches_the_feed_url_or_title_and_filters_combine()
    {
        await using var db = await SeedAsync();
        Assert.Equal(["Kernel released", "Compilers podcast"], await TitlesAsync(db, new(Source: "tech daily")));
        Assert.Equal(["Markets close higher"], await TitlesAsync(db, new(Source: "https://world.example/feed", Language: "en")));
    }

    [SkippableFact]
    public async Task Pages_continue_where_the_last_one_ended_and_count_every_match()
    {
        await using var db = await SeedAsync();
        var second = await db.Articles.QueryAsync(ArticleFilter.None, 2, 2, None);
        Assert.Equal(4, second.Total);
        Assert.Equal(["قمة المناخ", "Markets close higher"], second.Items.Select(i => i.Article.Title));
    }

    [SkippableFact]
    public async Task An_updated_article_is_found_by_its_new_words_only()
    {
        await using var db = await SeedAsync();
        var tech = (await db.Feeds.ListAsync(None)).Single(f => f.Url == "https://tech.example/feed");
        await db.Articles.SaveAsync(tech, [Make("t1", "Kernel released", "<p>Now with a new allocator</p>", "en", "Linux", 1) with { ContentHash = "changed" }], Now, None);

        Assert.Equal(["Markets close higher"], await TitlesAsync(db, new(Text: "scheduler")));
        Assert.Equal(["Kernel released"], await TitlesAsync(db, new(Text: "allocator")));
    }

    [SkippableFact]
    public async Task The_unfiltered_feed_pages_through_stories_while_a_filter_shows_every_matching_article()
    {
        await using var db = await SeedAsync();
        var feeds = await db.Feeds.ListAsync(None);
        // The world feed republishes the tech feed's story under the same link: one story, two sources.
        await db.Articles.SaveAsync(feeds.Single(f => f.Url == "https://tech.example/feed"),
            [Make("t3", "Rust in the kernel", "<p>First report</p>", "en", "Linux", 5) with { Url = "https://news.example/rust" }], Now, None);
        await db.Articles.SaveAsync(feeds.Single(f => f.Url == "https://world.example/feed"),
            [Make("w3", "Rust in the kernel (wire)", "<p>Second report</p>", "en", "Linux", 0) with { Url = "https://news.example/rust" }], Now, None);

        var all = await db.Articles.QueryAsync(ArticleFilter.None, 0, 10, None);
        Assert.Equal(5, all.Total);
        Assert.DoesNotContain(all.Items, i => i.Article.Title == "Rust in the kernel (wire)");
        Assert.Contains("Rust in the kernel (wire)", await TitlesAsync(db, new(Source: "World")));
        var stories = await db.Articles.GetNewestStoriesAsync(10, None);
        Assert.Equal(all.Items.Select(i => i.Article.Id), stories.Select(s => s.Primary.Id));
    }

    [SkippableFact]
    public async Task Search_matches_the_text_people_read_never_the_markup()
    {
        await using var db = await Store.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://tech.example/feed")], Now, None);
        var feed = Assert.Single(await db.Feeds.ListAsync(None));
        await db.Articles.SaveAsync(feed,
        [
            Make("m1", "Release notes", """<div class="lede"><a href="https://tech.example/x">Allocator</a> rewritten</div>""", "en", "Linux", 1),
            Make("m2", "Editors", "<p>Whether a div or a span: markup words in the text itself</p>", "en", "Web", 2),
        ], Now, None);

        Assert.Equal(["Editors"], await TitlesAsync(db, new(Text: "div")));
        Assert.Empty(await TitlesAsync(db, new(Text: "href")));
        Assert.Empty(await TitlesAsync(db, new(Text: "lede")));
        Assert.Equal(["Release notes"], await TitlesAsync(db, new(Text: "allocator rewritten")));
    }

    [Fact]
    public async Task Search_sees_each_batch_as_committed_a_refused_poll_not_at_all_and_an_update_by_its_new_text()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://tech.example/feed")], Now, None);
        var feed = Assert.Single(await db.Feeds.ListAsync(None));
        var unknownFeed = new Feed { Id = 999, Url = "https://nowhere.example/feed" }; // its articles break the foreign key
        var outcomes = await db.Articles.SaveAllAsync(
        [
            new(feed, [Make("b1", "Scheduler patch", "<p>first draft</p>", "en", "Linux", 2)], Now),
            new(unknownFeed, [Make("x1", "Orphan scheduler", "<p>never stored</p>", "en", "Linux", 1)], Now),
            new(feed, [Make("b2", "Allocator notes", "<p>second draft</p>", "en", "Linux", 3)], Now),
        ], None);
        Assert.NotNull(outcomes[1].Error);

        // The same entry again with another text: found by the new words only.
        await db.Articles.SaveAllAsync(
            [new(feed, [Make("b1", "Scheduler patch", "<p>final version</p>", "en", "Linux", 2) with { ContentHash = "changed" }], Now)], None);

        Assert.Equal(["Scheduler patch"], await TitlesAsync(db, new(Text: "scheduler")));
        Assert.Equal(["Scheduler patch"], await TitlesAsync(db, new(Text: "final")));
        Assert.Empty(await TitlesAsync(db, new(Text: "first")));
        Assert.Empty(await TitlesAsync(db, new(Text: "never")));
        Assert.Equal(["Allocator notes"], await TitlesAsync(db, new(Text: "second draft")));
    }

    [Fact]
    public async Task Search_after_a_batch_with_a_refused_poll_and_updates_finds_exactly_what_was_committed()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync(
            [new("https://tech.example/feed"), new("https://world.example/feed"), new("https://science.example/feed")], Now, None);
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => new Uri(f.Url).Host);
        await db.Articles.SaveAllAsync(
        [
            new(feeds["tech.example"], [Make("t1", "Scheduler patch", "<p>first draft</p>", "en", "Linux", 5)], Now),
            new(feeds["world.example"], [Make("w1", "Harbour strike", "<p>dockers walk out</p>", "en", "Labour", 6)], Now),
        ], None);

        // One batch: an update and a new article; a poll the store refuses after it has written
        // an update and a new article of its own (its last entry breaks the title's NOT NULL);
        // a new article that takes the refused one's row id when each poll is written again alone.
        var outcomes = await db.Articles.SaveAllAsync(
        [
            new(feeds["tech.example"],
            [
                Make("t1", "Scheduler patch", "<p>merged upstream</p>", "en", "Linux", 5) with { ContentHash = "t1 merged" },
                Make("t2", "Compiler news", "<p>register allocation</p>", "en", "Linux", 4),
            ], Now),
            new(feeds["world.example"],
            [
                Make("w1", "Harbour strike ends", "<p>dockers return</p>", "en", "Labour", 6) with { ContentHash = "w1 ends" },
                Make("w2", "Ferry timetable", "<p>boats delayed</p>", "en", "Labour", 3),
                Make("w3", "", "<p>broken</p>", "en", "Labour", 2) with { Title = null! },
            ], Now),
            new(feeds["science.example"], [Make("s1", "Comet sighted", "<p>bright tail</p>", "en", "Space", 1)], Now),
        ], None);

        Assert.Equal(new StoreSummary(1, 1, 0), outcomes[0].Summary);
        Assert.NotNull(outcomes[1].Error);
        Assert.Equal(new StoreSummary(1, 0, 0), outcomes[2].Summary);
        Assert.Equal(["Scheduler patch"], await TitlesAsync(db, new(Text: "scheduler merged upstream")));
        Assert.Equal(["Compiler news"], await TitlesAsync(db, new(Text: "register")));
        Assert.Equal(["Harbour strike"], await TitlesAsync(db, new(Text: "dockers walk")));
        Assert.Equal(["Comet sighted"], await TitlesAsync(db, new(Text: "comet tail")));
        foreach (var gone in (string[])["first", "draft", "ends", "return", "ferry", "boats", "broken"])
            Assert.Empty(await TitlesAsync(db, new(Text: gone)));
    }
}

/// <summary>The articlequery contract on SQLite.</summary>
public sealed class SqliteArticleQueryTests : ArticleQueryContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The articlequery contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresArticleQueryTests : ArticleQueryContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
