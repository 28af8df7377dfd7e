using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Postgres;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary><c>feedagg migrate --to postgres</c>'s copy (skipped without FEEDAGG_TEST_POSTGRES).</summary>
public sealed class SqliteToPostgresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static Article Make(string key, string title, string html, int hoursAgo) => new()
    {
        Key = key,
        Title = title,
        ContentHtml = html,
        Url = $"https://a.example/{key}",
        Categories = ["News"],
        Published = Now.AddHours(-hoursAgo),
        ContentHash = key + title,
    };

    private static async Task<TempDatabase> SqliteStoreAsync()
    {
        var sqlite = await TempDatabase.CreateAsync();
        await sqlite.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A"), new("https://b.example/feed", "B")], Now, None);
        var feeds = await sqlite.Feeds.ListAsync(None);
        var a = feeds.Single(f => f.Url == "https://a.example/feed");
        await sqlite.Articles.SaveAsync(a, [.. Enumerable.Range(0, 30).Select(i => Make($"a{i}", $"Story {i}", $"<p>word{i} scheduler</p>", i))], Now, None);
        await sqlite.Feeds.UpdatePollStateAsync(
            a with { ETag = "\"v7\"", Status = FeedStatus.Ok, NextPollAt = Now.AddMinutes(30), Posting = new PostingSample(Now.AddDays(-3), 30) }, None);
        var hub = await sqlite.WebSub.AddAsync(a.Id, new HubLink("https://hub.example/", a.Url), "token-a", "secret-a", Now, None);
        await sqlite.WebSub.VerifiedAsync(hub!.Id, Now, Now.AddDays(10), renewal: false, None);
        await sqlite.Articles.SaveAsync(feeds.Single(f => f.Url == "https://b.example/feed"),
            [Make("b1", "قمة المناخ", "<p>اجتمع القادة في القاهرة</p>", 1), Make("b2", "Story 3", "<p>word3 scheduler</p>", 2)], Now, None);
        return sqlite;
    }

    [SkippableFact]
    public async Task Copies_feeds_articles_stories_and_search_verified_and_a_second_run_changes_nothing()
    {
        await using var sqlite = await SqliteStoreAsync();
        await using var postgres = await TempPostgresDatabase.CreateAsync();
        var progress = new List<CopyProgress>();

        var checks = await new SqliteToPostgres(sqlite.Connections, postgres.Connections).CopyAsync(new Recorder(progress), None);

        Assert.All(checks, c => Assert.True(c.Matches, $"{c.Table}: {c.SourceRows}/{c.TargetRows} {c.SourceChecksum}/{c.TargetChecksum}"));
        Assert.Equal(["feeds", "hosts", "articles", "story_buckets", "tombstones", "websub_subscriptions"], checks.Select(c => c.Table));
        Assert.Equal(32, checks.Single(c => c.Table == "articles").TargetRows);
        Assert.Contains(progress, p => p is { Table: "articles", Copied: 32, Total: 32 });

        // The copy works as a store: poll state, articles newest first, stories, search.
        var feed = (await postgres.Feeds.ListAsync(None)).Single(f => f.Url == "https://a.example/feed");
        Assert.Equal("\"v7\"", feed.ETag);
        Assert.Equal((new PostingSample(Now.AddDays(-3), 30), Now.AddDays(10)), (feed.Posting, feed.PushUntil));
        var subscription = Assert.Single(await postgres.WebSub.ListAsync(None));
        Assert.Equal((feed.Id, "token-a", "secret-a", HubSubscriptionState.Verified), (subscription.FeedId, subscription.Token, subscription.Secret, subscription.State));
        var sqliteFirst = (await sqlite.Articles.QueryAsync(new ArticleFilter(), 0, 5, None)).Items.Select(i => i.Article.Title);
        var postgresFirst = (await postgres.Articles.QueryAsync(new ArticleFilter(), 0, 5, None)).Items.Select(i => i.Article.Title);
        Assert.Equal(sqliteFirst, postgresFirst);
        Assert.Equal(["قمة المناخ"], (await postgres.Articles.QueryAsync(new ArticleFilter(Text: "القاهرة"), 0, 5, None)).Items.Select(i => i.Article.Title));
        Assert.Equal(2, (await postgres.Articles.QueryAsync(new ArticleFilter(Text: "word3 scheduler"), 0, 5, None)).Items.Count);

        // New rows after the copy get new ids; running the copy again adds nothing and still verifies.
        var again = await new SqliteToPostgres(sqlite.Connections, postgres.Connections).CopyAsync(new Recorder([]), None);
        Assert.All(again, c => Assert.True(c.Matches, c.Table));
        await postgres.Feeds.SyncSubscriptionsAsync(
            [new("https://a.example/feed", "A"), new("https://b.example/feed", "B"), new("https://c.example/feed", "C")], Now, None);
        Assert.Equal(3, (await postgres.Feeds.ListAsync(None)).Select(f => f.Id).Distinct().Count());
    }

    [SkippableFact]
    public async Task An_interrupted_copy_resumes_where_it_stopped()
    {
        await using var sqlite = await SqliteStoreAsync();
        await using var postgres = await TempPostgresDatabase.CreateAsync();
        using var stop = new CancellationTokenSource();
        var copy = new SqliteToPostgres(sqlite.Connections, postgres.Connections);

        // Stopped once the feeds are in, before the articles.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            copy.CopyAsync(new Recorder([], p => { if (p.Table == "hosts") stop.Cancel(); }), stop.Token));
        Assert.Equal(0L, await postgres.ScalarAsync<long>("SELECT count(*) FROM articles"));

        var progress = new List<CopyProgress>();
        var checks = await copy.CopyAsync(new Recorder(progress), None);

        Assert.All(checks, c => Assert.True(c.Matches, c.Table));
        // What was already there counts as copied, never as more than the source holds.
        Assert.All(progress, p => Assert.InRange(p.Copied, 0, p.Total));
        Assert.Equal(new CopyProgress("feeds", 2, 2), progress.Last(p => p.Table == "feeds"));
        Assert.Equal(new CopyProgress("articles", 32, 32), progress.Last(p => p.Table == "articles"));
    }

    [SkippableFact]
    public async Task A_copy_of_more_articles_than_a_batch_takes_them_all_and_a_changed_row_fails_the_check()
    {
        await using var sqlite = await TempDatabase.CreateAsync();
        await sqlite.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, None);
        var feed = Assert.Single(await sqlite.Feeds.ListAsync(None));
        await sqlite.Articles.SaveAsync(feed, [.. Enumerable.Range(0, 260).Select(i => Make($"a{i}", $"Story {i}", $"<p>word{i}</p>", i))], Now, None);
        await sqlite.Articles.SaveAsync(feed,
        [
            new Article { Key = "both", Title = "Both", ContentHtml = "<p>contentword</p>", SummaryHtml = "<p>summaryword</p>", ContentHash = "b" },
            new Article { Key = "summary", Title = "Summary", SummaryHtml = "<p>onlysummaryword</p>", ContentHash = "s" },
        ], Now, None);
        await using var postgres = await TempPostgresDatabase.CreateAsync();
        var copy = new SqliteToPostgres(sqlite.Connections, postgres.Connections);

        var checks = await copy.CopyAsync(new Recorder([]), None);

        var articles = checks.Single(c => c.Table == "articles");
        Assert.Equal((262L, 262L), (articles.SourceRows, articles.TargetRows));
        Assert.Matches("^[0-9a-f]{16}$", articles.SourceChecksum);
        Assert.All(checks, c => Assert.True(c.Matches, c.Table));
        // The search text is the content, or else the summary.
        Assert.Equal(["Both"], (await postgres.Articles.QueryAsync(new ArticleFilter(Text: "contentword"), 0, 5, None)).Items.Select(i => i.Article.Title));
        Assert.Empty((await postgres.Articles.QueryAsync(new ArticleFilter(Text: "summaryword"), 0, 5, None)).Items);
        Assert.Equal(["Summary"], (await postgres.Articles.QueryAsync(new ArticleFilter(Text: "onlysummaryword"), 0, 5, None)).Items.Select(i => i.Article.Title));

        // A row changed in the target (a copy is never overwritten) no longer verifies, though the counts agree.
        await postgres.ExecuteAsync("UPDATE articles SET title = 'Changed' WHERE key = 'a7'");
        var again = await copy.CopyAsync(new Recorder([]), None);

        var changed = again.Single(c => c.Table == "articles");
        Assert.Equal(changed.SourceRows, changed.TargetRows);
        Assert.NotEqual(changed.SourceChecksum, changed.TargetChecksum);
        Assert.False(changed.Matches);
        Assert.All(again.Where(c => c.Table != "articles"), c => Assert.True(c.Matches, c.Table));
    }

    [SkippableFact]
    public async Task The_story_buckets_that_wait_in_the_sqlite_writers_memory_are_copied_too()
    {
        await using var sqlite = await TempDatabase.CreateAsync();
        await sqlite.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, None);
        var feed = Assert.Single(await sqlite.Feeds.ListAsync(None));
        await sqlite.Articles.SaveAsync(feed, [.. new[] { "alpha", "beta" }.Select(stem => Make(stem, stem, "<p>text</p>", 1) with
        {
            Fingerprint = TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{stem}word{i}"))),
        })], Now, None);
        Assert.Equal(0, await sqlite.ScalarAsync<long>("SELECT count(*) FROM story_buckets"));
        await using var postgres = await TempPostgresDatabase.CreateAsync();

        var checks = await new SqliteToPostgres(sqlite.Connections, postgres.Connections).CopyAsync(new Recorder([]), None);

        Assert.All(checks, c => Assert.True(c.Matches, c.Table));
        Assert.Equal(2 * TextFingerprint.BandCount, await postgres.StoryBucketsAsync());
    }

    private sealed class Recorder(List<CopyProgress> seen, Action<CopyProgress>? also = null) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value)
        {
            seen.Add(value);
            also?.Invoke(value);
        }
    }
}
