using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>
/// The merged feed's total (its paging links) counts stories from their ids: the same number as
/// counting the articles that are their story's first among the subscribed feeds, as it was.
/// </summary>
public sealed class SqliteStoryCountTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    // The former count: every subscribed article no subscribed article of its story comes before.
    private static readonly string ByFirstArticle =
        $"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {ArticleFilterSql.StoryPrimary} AND {ArticleFilterSql.Subscribed}";

    private static Article Make(string key, string url, int hoursAgo) => new()
    {
        Key = key, Title = key, Url = url, ContentHash = "h" + key, Published = Now.AddHours(-hoursAgo),
    };

    [Fact]
    public async Task The_total_counts_each_story_with_a_subscribed_article_once_and_each_article_without_a_story_id()
    {
        await using var db = await TempDatabase.CreateAsync();
        Subscription[] three = [new("https://a.example/feed"), new("https://b.example/feed"), new("https://c.example/feed")];
        await db.Feeds.SyncSubscriptionsAsync(three, Now, None);
        var feeds = (await db.Feeds.ListAsync(None)).OrderBy(f => f.Id).ToArray();
        // Two stories shared by link across the feeds (one of them first seen in the feed removed
        // below), and articles of their own.
        await db.Articles.SaveAsync(feeds[2], [Make("c1", "https://news.example/shared", 9), Make("c2", "https://c.example/2", 8)], Now, None);
        await db.Articles.SaveAsync(feeds[0], [Make("a1", "https://news.example/shared", 5), Make("a2", "https://news.example/other", 4), Make("a3", "https://a.example/3", 3)], Now, None);
        await db.Articles.SaveAsync(feeds[1], [Make("b1", "https://news.example/other", 2), Make("b2", "https://b.example/2", 1)], Now, None);
        var stories = await db.ScalarAsync<long>("SELECT count(DISTINCT story_id) FROM articles");
        Assert.Equal(5, stories);
        Assert.Equal(5, (await db.Articles.QueryAsync(ArticleFilter.None, 0, 0, None)).Total);

        // The feed that saw the shared story first goes: the story stays, shown from feed a.
        await db.Feeds.SyncSubscriptionsAsync(three[..2], Now, None);
        Assert.Equal(4, await db.ScalarAsync<long>(ByFirstArticle));
        Assert.Equal(4, (await db.Articles.QueryAsync(ArticleFilter.None, 0, 0, None)).Total);

        // An article without a story id is a story of its own, as the former count had it.
        await db.ExecuteAsync("UPDATE articles SET story_id = NULL WHERE key IN ('a3', 'b2')");
        Assert.Equal(4, await db.ScalarAsync<long>(ByFirstArticle));
        Assert.Equal(4, (await db.Articles.QueryAsync(ArticleFilter.None, 0, 0, None)).Total);
        await db.ExecuteAsync("UPDATE articles SET story_id = (SELECT story_id FROM articles WHERE key = 'a2') WHERE key = 'a3'");
        Assert.Equal(await db.ScalarAsync<long>(ByFirstArticle), (await db.Articles.QueryAsync(ArticleFilter.None, 0, 0, None)).Total);
        Assert.Equal(3, (await db.Articles.QueryAsync(ArticleFilter.None, 0, 0, None)).Total);
    }
}
