using System.Text;
using System.Text.Json;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Publishing;

public sealed class FeedNavigationTests
{
    private static readonly FeedView Filtered = new(new ArticleFilter(Category: "City council", Language: "ar"), 2, Page: 2, LimitGiven: true);

    [Fact]
    public void A_views_key_is_its_canonical_escaped_query_string()
    {
        Assert.Equal("?category=City%20council&lang=ar&limit=2&page=2", Filtered.Key);
        Assert.Equal(string.Empty, new FeedView(ArticleFilter.None, 50).Key);
        Assert.True(new FeedView(ArticleFilter.None, 50).IsDefault);
        Assert.False(Filtered.IsDefault);
    }

    [Fact]
    public void Paging_links_follow_rfc_5005_and_stop_at_the_ends()
    {
        var middle = FeedNavigation.For(Filtered, total: 5, hub: null);
        Assert.Equal("?category=City%20council&lang=ar&limit=2", middle.First);
        Assert.Equal("?category=City%20council&lang=ar&limit=2&page=3", middle.Last);
        Assert.Equal("?category=City%20council&lang=ar&limit=2&page=3", middle.Next);
        Assert.Equal("?category=City%20council&lang=ar&limit=2", middle.Previous);

        var last = FeedNavigation.For(Filtered with { Page = 3 }, total: 5, hub: null);
        Assert.Null(last.Next);
        var empty = FeedNavigation.For(new FeedView(ArticleFilter.None, 50), total: 0, hub: null);
        Assert.Null(empty.Next);
        Assert.Null(empty.Previous);
    }

    [Fact]
    public void Atom_and_rss_carry_self_paging_and_hub_links_json_carries_next_url_and_hubs()
    {
        var feed = PublishingSamples.Mixed() with { Navigation = FeedNavigation.For(Filtered, 5, "https://hub.example/") };

        var atom = Encoding.UTF8.GetString(new AtomFeedWriter().Write(feed));
        Assert.Contains("rel=\"self\" href=\"http://localhost:5080/feed.atom?category=City%20council&amp;lang=ar&amp;limit=2&amp;page=2\"", atom);
        Assert.Contains("rel=\"next\" href=\"http://localhost:5080/feed.atom?category=City%20council&amp;lang=ar&amp;limit=2&amp;page=3\"", atom);
        Assert.Contains("rel=\"prev-archive\"", atom);
        Assert.Contains("rel=\"first\"", atom);
        Assert.Contains("rel=\"last\"", atom);
        Assert.Contains("rel=\"previous\"", atom);
        Assert.Contains("<link rel=\"hub\" href=\"https://hub.example/\" />", atom);

        var rss = Encoding.UTF8.GetString(new RssFeedWriter().Write(feed));
        Assert.Contains("<atom:link href=\"https://hub.example/\" rel=\"hub\" />", rss);
        Assert.Contains("href=\"http://localhost:5080/feed.rss?category=City%20council&amp;lang=ar&amp;limit=2&amp;page=3\" rel=\"next\"", rss);

        using var json = JsonDocument.Parse(new JsonFeedWriter().Write(feed));
        Assert.Equal("http://localhost:5080/feed.json?category=City%20council&lang=ar&limit=2&page=3", json.RootElement.GetProperty("next_url").GetString());
        Assert.Equal("https://hub.example/", json.RootElement.GetProperty("hubs")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void The_lru_cache_drops_the_least_recently_used_entry()
    {
        var cache = new LruCache<int>(2, long.MaxValue, _ => 1);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", 3);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_lru_cache_stays_within_its_weight_dropping_the_least_recently_used()
    {
        var cache = new LruCache<int>(100, maxWeight: 10, weigh: v => v);
        cache.Set("a", 4);
        cache.Set("b", 4);
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", 5);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.Equal(9, cache.Weight);

        cache.Set("huge", 11);
        Assert.False(cache.TryGet("huge", out _));
        Assert.Equal(9, cache.Weight);
        cache.Set("a", 1);
        Assert.Equal(6, cache.Weight);
    }
}
