using FeedAggregator.Model;
using FeedAggregator.Processing;
using FeedAggregator.Publishing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

public sealed class MergedFeedQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_empty_store_is_a_feed_without_items_as_new_as_now()
    {
        await using var db = await TempDatabase.CreateAsync();
        var query = new MergedFeedQuery(db.Articles, Options.Create(new PublishingOptions { Title = "Mine" }), new FakeTimeProvider(Now));

        var feed = await query.GetAsync(new Uri("http://localhost:5080/"), CancellationToken.None);

        Assert.Empty(feed.Items);
        Assert.Equal(Now, feed.Updated);
        Assert.Equal("Mine", feed.Title);
        Assert.Equal(MergedFeedQuery.FeedId, feed.Id);
    }

    [Fact]
    public void A_source_id_is_a_tag_of_its_feed_url_hash()
    {
        var feed = new Feed { Id = 3, Url = "https://a.example/feed", Title = "A", SiteUrl = "https://a.example/" };

        var source = MergedFeedQuery.SourceOf(feed, new Uri("http://localhost:5080/"));

        Assert.Equal(PublicId.TagPrefix + "source:" + ArticleKey.Hash(feed.Url), source.Id);
        Assert.Equal(new ArticleSource(source.Id, "https://a.example/feed", "A", "https://a.example/"), source);
    }
}
