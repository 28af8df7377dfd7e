using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

public sealed class FeedViewQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public async Task A_page_past_the_end_is_empty_and_links_back_to_the_last_page(int page)
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, CancellationToken.None);
        var feed = (await db.Feeds.ListAsync(CancellationToken.None)).Single();
        await db.Articles.SaveAsync(feed,
            [.. Enumerable.Range(0, 3).Select(i => new Article { Key = $"k{i}", Title = $"t{i}", ContentHash = $"h{i}", Published = Now.AddHours(-i) })],
            Now, CancellationToken.None);
        var query = new FeedViewQuery(db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var view = new FeedView(ArticleFilter.None, Limit: 2, Page: page, LimitGiven: true);
        var merged = await query.GetAsync(view, new Uri("http://localhost:5080/"), CancellationToken.None);

        Assert.Empty(merged.Items);
        Assert.Null(merged.Navigation.Next);
        Assert.Equal("?limit=2&page=2", merged.Navigation.Previous);
        Assert.Equal("?limit=2&page=2", merged.Navigation.Last);
    }

    [Fact]
    public async Task A_page_holds_the_articles_after_the_pages_before_it_and_is_as_new_as_its_newest_change()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A")], Now, CancellationToken.None);
        var feed = (await db.Feeds.ListAsync(CancellationToken.None)).Single();
        for (var i = 0; i < 3; i++)
        {
            // Stored (and so changed) one hour apart, each published an hour after the one before.
            await db.Articles.SaveAsync(feed, [new Article { Key = $"k{i}", Title = $"t{i}", ContentHash = $"h{i}", Published = Now.AddDays(-1).AddHours(i) }],
                Now.AddHours(-3 + i), CancellationToken.None);
        }

        var query = new FeedViewQuery(db.Articles, Options.Create(new PublishingOptions()), new FakeTimeProvider(Now));

        var first = await query.GetAsync(new FeedView(ArticleFilter.None, Limit: 2, LimitGiven: true), new Uri("http://localhost:5080/"), CancellationToken.None);
        var second = await query.GetAsync(new FeedView(ArticleFilter.None, Limit: 2, Page: 2, LimitGiven: true), new Uri("http://localhost:5080/"), CancellationToken.None);

        Assert.Equal(["t2", "t1"], first.Items.Select(i => i.Article.Title));
        Assert.Equal(Now.AddHours(-1), first.Updated);
        Assert.Equal(["t0"], second.Items.Select(i => i.Article.Title));
        Assert.Equal(Now.AddHours(-3), second.Updated);
        Assert.Equal("FeedAggregator", first.Title);
    }

    [Fact]
    public async Task A_filtered_view_is_titled_with_its_filters_and_an_empty_one_is_as_new_as_now()
    {
        await using var db = await TempDatabase.CreateAsync();
        var query = new FeedViewQuery(db.Articles, Options.Create(new PublishingOptions { Title = "News" }), new FakeTimeProvider(Now));

        var view = new FeedView(new ArticleFilter("City News", "Local", "ar", "bus"), 10);
        var merged = await query.GetAsync(view, new Uri("http://localhost:5080/"), CancellationToken.None);

        Assert.Equal("News (source: City News, category: Local, language: ar, search: bus)", merged.Title);
        Assert.Equal(MergedFeedQuery.FeedId + "?source=City%20News&category=Local&lang=ar&q=bus", merged.Id);
        Assert.Empty(merged.Items);
        Assert.Equal(Now, merged.Updated);
        await Assert.ThrowsAsync<ArgumentNullException>("view", () => query.GetAsync(null!, new Uri("http://localhost:5080/"), CancellationToken.None));
    }
}
