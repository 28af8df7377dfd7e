using FeedAggregator.Model;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>
/// SQLite keeps the newest articles' LSH buckets in the writer's memory and merges them into
/// story_buckets thousands at a time (<see cref="StoryIndex"/>): stories come out as if every
/// bucket were in the table, across writers, restarts and removals.
/// </summary>
public sealed class StoryBucketsMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static TextFingerprint Words(string stem) => TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{stem}word{i}")))!;

    private static Article Make(string key, string stem, int hoursAgo = 1) => new()
    {
        Key = key, Title = key, Url = $"https://{key}.example/", ContentHash = "h" + key, Published = Now.AddHours(-hoursAgo), Fingerprint = Words(stem),
    };

    private static async Task<(TempDatabase Db, Feed[] Feeds)> FeedsAsync(int count = 3)
    {
        var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([.. Enumerable.Range(0, count).Select(i => new Subscription($"https://f{i}.example/feed"))], Now, None);
        return (db, [.. (await db.Feeds.ListAsync(None)).OrderBy(f => f.Id)]);
    }

    private static async Task<Article> ArticleAsync(TempDatabase db, string key) =>
        (await db.Articles.GetNewestAsync(100, None)).Single(a => a.Article.Key == key).Article;

    /// <summary>How the article joined its story, and which story.</summary>
    private static async Task<(string? Match, long StoryId)> StoryOfAsync(TempDatabase db, string key)
    {
        var article = await ArticleAsync(db, key);
        return (article.StoryMatch, article.StoryId);
    }

    private static Task<long> InTableAsync(TempDatabase db) => db.ScalarAsync<long>("SELECT count(*) FROM story_buckets");

    private static Task<long> MergedThroughAsync(TempDatabase db) => db.ScalarAsync<long>("SELECT through FROM story_buckets_merged");

    [Fact]
    public async Task New_articles_buckets_wait_in_memory_and_a_merge_moves_them_into_the_table()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await db.Articles.SaveAsync(feeds[0], [Make("a1", "alpha"), Make("a2", "beta")], Now, None);

        Assert.Equal(0, await InTableAsync(db));
        Assert.Equal(2 * TextFingerprint.BandCount, await db.StoryBucketsAsync());
        // Waiting, they are candidates all the same.
        await db.Articles.SaveAsync(feeds[1], [Make("b1", "alpha")], Now, None);
        Assert.Equal(("text", (await ArticleAsync(db, "a1")).Id), await StoryOfAsync(db, "b1"));

        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);

        Assert.Equal(3 * TextFingerprint.BandCount, await InTableAsync(db));
        Assert.Equal(3 * TextFingerprint.BandCount, await db.StoryBucketsAsync());
        Assert.Equal((await ArticleAsync(db, "b1")).Id, await MergedThroughAsync(db));
        // In the table, the same.
        await db.Articles.SaveAsync(feeds[2], [Make("c1", "beta")], Now, None);
        Assert.Equal(("text", (await ArticleAsync(db, "a2")).Id), await StoryOfAsync(db, "c1"));
    }

    [Fact]
    public async Task The_writer_merges_on_its_own_once_enough_articles_wait()
    {
        var (db, feeds) = await FeedsAsync(1);
        await using var _ = db;
        const int perDocument = 1000;
        var saved = 0;
        for (var d = 0; saved < StoryIndex.MergeEvery; d++, saved += perDocument)
            await db.Articles.SaveAsync(feeds[0], [.. Enumerable.Range(d * perDocument, perDocument).Select(i => Make($"k{i}", $"s{i}x"))], Now, None);

        // The document that made the count went in with the rest, in key order; none waits.
        Assert.Equal((long)saved * TextFingerprint.BandCount, await InTableAsync(db));
        Assert.Equal((long)saved * TextFingerprint.BandCount, await db.StoryBucketsAsync());
        Assert.Equal(saved, await MergedThroughAsync(db));
    }

    [Fact]
    public async Task A_new_writer_reads_back_the_buckets_that_waited_in_the_last_ones_memory()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await using (var before = db.OtherProcess())
            await before.Articles.SaveAsync(feeds[0], [Make("a1", "alpha")], Now, None);

        // The first writer is gone (a restart) with the bucket never merged.
        await using var restarted = db.OtherProcess();
        await restarted.Articles.SaveAsync(feeds[1], [Make("b1", "alpha")], Now, None);

        var first = await ArticleAsync(restarted, "a1");
        Assert.Equal(("text", first.Id), await StoryOfAsync(restarted, "b1"));
        Assert.Equal(0, await InTableAsync(restarted));
    }

    [Fact]
    public async Task A_new_writer_reads_the_bucket_table_only_at_its_first_story_lookup()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await db.Articles.SaveAsync(feeds[0], [Make("a1", "alpha")], Now, None);
        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);

        // A restart whose first write places no new article (the same one again, unchanged): the
        // table is not read.
        await using var restarted = db.OtherProcess();
        var summary = await restarted.Articles.SaveAsync(feeds[0], [Make("a1", "alpha")], Now, None);
        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(0, await restarted.Connections.WriteAsync(writer => writer.StoryFilterBuilds, None));

        // The first lookup reads it, and finds the story it holds.
        await restarted.Articles.SaveAsync(feeds[1], [Make("b1", "alpha")], Now, None);
        Assert.Equal(1, await restarted.Connections.WriteAsync(writer => writer.StoryFilterBuilds, None));
        Assert.Equal(("text", (await ArticleAsync(restarted, "a1")).Id), await StoryOfAsync(restarted, "b1"));
        Assert.Equal(TextFingerprint.BandCount, await InTableAsync(restarted));
    }

    [Fact]
    public async Task A_writer_sees_the_articles_another_process_stored_since_it_last_wrote()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await db.Articles.SaveAsync(feeds[2], [Make("c1", "gamma")], Now, None);
        await using (var other = db.OtherProcess())
            await other.Articles.SaveAsync(feeds[0], [Make("a1", "alpha")], Now, None);

        await db.Articles.SaveAsync(feeds[1], [Make("b1", "alpha")], Now, None);

        Assert.Equal(("text", (await ArticleAsync(db, "a1")).Id), await StoryOfAsync(db, "b1"));
    }

    [Fact]
    public async Task A_writer_finds_the_buckets_another_process_wrote_to_the_table_after_it_filtered_the_table()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await db.Articles.SaveAsync(feeds[0], [Make("a1", "alpha"), Make("a2", "beta")], Now, None);
        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
        var (a1, a2) = (await ArticleAsync(db, "a1"), await ArticleAsync(db, "a2"));

        // Another process rewrites both: their ids are below the mark, so their new buckets go
        // straight to the table, which this writer's filter (built before) knows nothing of.
        await using (var other = db.OtherProcess())
            await other.Articles.SaveAsync(feeds[0], [Make("a1", "omega") with { ContentHash = "re1" }, Make("a2", "sigma") with { ContentHash = "re2" }], Now, None);
        await db.Articles.SaveAsync(feeds[1], [Make("b1", "omega")], Now, None);
        Assert.Equal(("text", a1.Id), await StoryOfAsync(db, "b1"));

        // This writer's next merge filters the whole table again, the other process's rows too.
        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
        await db.Articles.SaveAsync(feeds[2], [Make("c1", "sigma")], Now, None);
        Assert.Equal(("text", a2.Id), await StoryOfAsync(db, "c1"));
    }

    [Fact]
    public async Task An_id_given_again_below_the_mark_has_its_buckets_written_to_the_table()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        // The newest article is old: retention removes it, and its id is the next one given.
        await db.Articles.SaveAsync(feeds[0], [Make("keep", "omega"), Make("old", "delta", hoursAgo: 24 * 400)], Now, None);
        var removedId = (await ArticleAsync(db, "old")).Id;
        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
        Assert.Equal(1, await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 0, Now, None));

        await db.Articles.SaveAsync(feeds[1], [Make("b1", "alpha")], Now, None);
        Assert.Equal(removedId, (await ArticleAsync(db, "b1")).Id);
        Assert.Equal(2 * TextFingerprint.BandCount, await InTableAsync(db));
        // This writer's filter of the table has them too.
        await db.Articles.SaveAsync(feeds[2], [Make("d1", "alpha")], Now, None);
        Assert.Equal(("text", removedId), await StoryOfAsync(db, "d1"));

        // A writer that reads back only what is above the mark still finds it.
        await using var other = db.OtherProcess();
        await other.Articles.SaveAsync(feeds[2], [Make("c1", "alpha")], Now, None);
        Assert.Equal(("text", removedId), await StoryOfAsync(other, "c1"));
    }

    [Fact]
    public async Task Stories_come_out_the_same_whether_the_buckets_wait_or_are_in_the_table()
    {
        // Near-duplicates of 40 texts (a few words changed each), a boilerplate text shared by
        // 250 articles (more candidates than a lookup reads), shared links, and texts of their own;
        // stored by two writers: one merges after every document (every bucket in the table, as
        // before the buckets waited), the other at random points (candidates from both sources).
        var random = new Random(7);
        var texts = Enumerable.Range(0, 40).Select(t => Enumerable.Range(0, 30).Select(w => $"t{t}w{w}").ToArray()).ToArray();
        string Text(int i)
        {
            if (i % 12 == 0)
                return string.Join(' ', Enumerable.Range(0, 20).Select(w => $"boiler{w}"));
            if (i % 7 == 0)
                return string.Join(' ', Enumerable.Range(0, 20).Select(w => $"own{i}w{w}"));
            var words = (string[])texts[random.Next(texts.Length)].Clone();
            for (var n = random.Next(0, 6); n > 0; n--)
                words[random.Next(words.Length)] = $"x{random.Next(1000)}";
            return string.Join(' ', words);
        }

        var documents = Enumerable.Range(0, 300).Select(d => (Feed: random.Next(8), Articles: Enumerable.Range(d * 10, 10).Select(i => new Article
        {
            Key = $"k{i}", Title = $"k{i}", ContentHash = $"h{i}", Published = Now.AddMinutes(-i),
            Url = i % 9 == 0 ? $"https://shared.example/{i % 5}" : $"https://x.example/{i}",
            Fingerprint = TextFingerprint.Of(Text(i)),
        }).ToArray())).ToList();

        var (merged, feeds) = await FeedsAsync(8);
        await using var _ = merged;
        var (waiting, waitingFeeds) = await FeedsAsync(8);
        await using var __ = waiting;
        foreach (var (feed, articles) in documents)
        {
            await merged.Articles.SaveAsync(feeds[feed], articles, Now, None);
            await merged.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
            await waiting.Articles.SaveAsync(waitingFeeds[feed], articles, Now, None);
            if (random.Next(10) == 0)
                await waiting.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
        }

        const string stories = "SELECT group_concat(key || ' ' || story_id || ' ' || story_match || ' ' || coalesce(story_score, ''), char(10)) FROM (SELECT * FROM articles ORDER BY id)";
        var expected = await merged.ScalarAsync<string>(stories);
        Assert.Equal(expected, await waiting.ScalarAsync<string>(stories));
        Assert.Contains(" text ", expected);
        Assert.Contains(" link ", expected);
        Assert.True(await waiting.ScalarAsync<long>("SELECT count(*) FROM story_buckets") > 0);
    }

    [Fact]
    public async Task Equal_candidates_from_the_table_and_from_memory_are_taken_in_key_order_as_from_one_table()
    {
        var (db, feeds) = await FeedsAsync(4);
        await using var _ = db;
        // The same text in two stories: p1's own, and q1's, which r1 joined by its link.
        await db.Articles.SaveAsync(feeds[0], [Make("p1", "alpha")], Now, None);
        await db.Connections.WriteAsync(writer => writer.MergeStoryBuckets(), None);
        await db.Articles.SaveAsync(feeds[1], [Make("q1", "beta")], Now, None);
        await db.Articles.SaveAsync(feeds[2], [Make("r1", "alpha") with { Url = "https://q1.example/" }], Now, None);
        var (p1, q1) = (await ArticleAsync(db, "p1"), await ArticleAsync(db, "q1"));
        Assert.Equal(("link", q1.Id), await StoryOfAsync(db, "r1"));

        // Both score 1.0: the first candidate wins, p1 (in the table) before r1 (waiting), by article id.
        await db.Articles.SaveAsync(feeds[3], [Make("n1", "alpha")], Now, None);

        Assert.Equal(("text", p1.Id), await StoryOfAsync(db, "n1"));
    }

    [Fact]
    public async Task Removed_articles_leave_no_waiting_buckets_behind()
    {
        var (db, feeds) = await FeedsAsync();
        await using var _ = db;
        await db.Articles.SaveAsync(feeds[0], [Make("keep", "omega"), Make("old", "delta", hoursAgo: 24 * 400)], Now, None);
        Assert.Equal(2 * TextFingerprint.BandCount, await db.StoryBucketsAsync());

        Assert.Equal(1, await db.Articles.RemoveOlderThanAsync(Now.AddDays(-30), keepPerFeed: 0, Now, None));

        Assert.Equal(TextFingerprint.BandCount, await db.StoryBucketsAsync());
        await db.Articles.SaveAsync(feeds[1], [Make("b1", "delta")], Now, None);
        Assert.Equal("first", (await ArticleAsync(db, "b1")).StoryMatch);
    }
}
