using System.Text;
using System.Text.Json;
using System.Xml.Linq;
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
    public void Every_filter_is_in_the_key_in_a_fixed_order_and_a_feed_key_is_its_first_page_by_query()
    {
        var view = new FeedView(new ArticleFilter("https://a.example/feed?x=1", "News", "ar", "bus fare"), 10, Page: 3, LimitGiven: true, CategoryInPath: true);

        Assert.Equal("?source=https%3A%2F%2Fa.example%2Ffeed%3Fx%3D1&lang=ar&q=bus%20fare&limit=10&page=3", view.Key);
        Assert.Equal("?source=https%3A%2F%2Fa.example%2Ffeed%3Fx%3D1&category=News&lang=ar&q=bus%20fare&limit=10", view.FeedKey);
        Assert.Equal("?category=City%20council&lang=ar&limit=2", Filtered.FeedKey);
    }

    [Theory]
    [InlineData(false, 1, false, true)]
    [InlineData(true, 1, false, false)]
    [InlineData(false, 2, false, false)]
    [InlineData(false, 1, true, false)]
    public void Only_the_first_page_of_everything_at_the_configured_size_is_the_default_view(bool limitGiven, int page, bool filtered, bool isDefault)
    {
        var view = new FeedView(filtered ? new ArticleFilter(Text: "bus") : ArticleFilter.None, 50, page, limitGiven);

        Assert.Equal(isDefault, view.IsDefault);
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

        var atom = Links(new AtomFeedWriter().Write(feed), "http://www.w3.org/2005/Atom", "feed");
        Assert.Equal("http://localhost:5080/feed.atom?category=City%20council&lang=ar&limit=2&page=2", atom["self"]);
        Assert.Equal("http://localhost:5080/feed.atom?category=City%20council&lang=ar&limit=2&page=3", atom["next"]);
        Assert.Equal(atom["next"], atom["prev-archive"]);
        Assert.Equal("http://localhost:5080/feed.atom?category=City%20council&lang=ar&limit=2", atom["first"]);
        Assert.Equal("http://localhost:5080/feed.atom?category=City%20council&lang=ar&limit=2&page=3", atom["last"]);
        Assert.Equal("http://localhost:5080/feed.atom?category=City%20council&lang=ar&limit=2", atom["previous"]);
        Assert.Equal("https://hub.example/", atom["hub"]);

        var rss = Links(new RssFeedWriter().Write(feed), "http://www.w3.org/2005/Atom", "channel");
        Assert.Equal("https://hub.example/", rss["hub"]);
        Assert.Equal("http://localhost:5080/feed.rss?category=City%20council&lang=ar&limit=2&page=3", rss["next"]);

        using var json = JsonDocument.Parse(new JsonFeedWriter().Write(feed));
        Assert.Equal("http://localhost:5080/feed.json?category=City%20council&lang=ar&limit=2&page=3", json.RootElement.GetProperty("next_url").GetString());
        Assert.Equal("https://hub.example/", json.RootElement.GetProperty("hubs")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void A_category_feed_asked_for_by_its_path_links_by_its_path()
    {
        var view = new FeedView(new ArticleFilter(Category: "City council", Language: "ar"), 2, Page: 2, LimitGiven: true, CategoryInPath: true);
        var feed = PublishingSamples.Mixed() with { Navigation = FeedNavigation.For(view, 5, hub: null) };

        Assert.Equal("?lang=ar&limit=2&page=2", view.Key);
        Assert.Equal("category/City%20council/", view.Path);
        Assert.Equal(Filtered.FeedKey, view.FeedKey);
        var atom = Links(new AtomFeedWriter().Write(feed), "http://www.w3.org/2005/Atom", "feed");
        Assert.Equal("http://localhost:5080/category/City%20council/feed.atom?lang=ar&limit=2&page=2", atom["self"]);
        Assert.Equal("http://localhost:5080/category/City%20council/feed.atom?lang=ar&limit=2&page=3", atom["next"]);
        Assert.Equal("http://localhost:5080/category/City%20council/feed.atom?lang=ar&limit=2", atom["first"]);
        var rss = Links(new RssFeedWriter().Write(feed), "http://www.w3.org/2005/Atom", "channel");
        Assert.Equal("http://localhost:5080/category/City%20council/feed.rss?lang=ar&limit=2&page=2", rss["self"]);
        using var json = JsonDocument.Parse(new JsonFeedWriter().Write(feed));
        Assert.Equal("http://localhost:5080/category/City%20council/feed.json?lang=ar&limit=2&page=2", json.RootElement.GetProperty("feed_url").GetString());
        Assert.Equal("http://localhost:5080/category/City%20council/feed.json?lang=ar&limit=2&page=3", json.RootElement.GetProperty("next_url").GetString());
    }

    // The atom:link elements of the feed (or RSS channel), by rel.
    private static Dictionary<string, string> Links(byte[] document, XNamespace atom, string parent) =>
        XDocument.Parse(Encoding.UTF8.GetString(document)).Descendants().First(e => e.Name.LocalName == parent)
            .Elements(atom + "link").ToDictionary(l => (string)l.Attribute("rel")!, l => (string)l.Attribute("href")!);

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

    [Fact]
    public void The_lru_cache_replaces_an_entry_in_place_and_evicts_what_was_used_least_recently()
    {
        var cache = new LruCache<int>(2, long.MaxValue, _ => 1);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("a", 10);
        cache.Set("c", 3);

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(10, a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, cache.Weight);

        cache.Set("d", 4);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, cache.Weight);
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void The_lru_cache_keeps_values_up_to_exactly_its_weight()
    {
        var cache = new LruCache<int>(100, maxWeight: 10, weigh: v => v);
        cache.Set("whole", 10);
        Assert.True(cache.TryGet("whole", out _));

        cache.Set("a", 4);
        cache.Set("b", 6);
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out _));
        Assert.Equal(10, cache.Weight);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("https://hub.example/", "https://hub.example/")]
    public void Only_a_configured_hub_is_announced(string? hub, string? announced)
    {
        Assert.Equal(announced, FeedNavigation.For(Filtered, total: 5, hub).Hub);
    }
}
