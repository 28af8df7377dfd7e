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
}
