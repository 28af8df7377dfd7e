using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM:443/a/b?utm_source=x&id=2&utm_medium=rss#top", "https://news.example.com/a/b?id=2")]
    [InlineData("http://example.com:80/x", "http://example.com/x")]
    [InlineData("http://example.com:8080/x", "http://example.com:8080/x")]
    [InlineData("https://example.com/x?b=2&a=1&fbclid=abc&gclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5", "https://example.com/x?a=1&b=2")]
    [InlineData("https://example.com/x?UTM_Campaign=spring&z=1", "https://example.com/x?z=1")]
    [InlineData("https://example.com/x?utm_source=a", "https://example.com/x")]
    [InlineData("https://example.com/Path/Keeps/Case", "https://example.com/Path/Keeps/Case")]
    public void Cleans_an_http_url(string input, string expected) => Assert.Equal(expected, CanonicalUrl.Clean(input));

    [Theory]
    [InlineData("urn:isbn:123")]
    [InlineData("mailto:a@example.com")]
    [InlineData("not a url")]
    public void Leaves_other_values_as_they_are(string input) => Assert.Equal(input, CanonicalUrl.Clean(input));

    [Fact]
    public void The_same_article_behind_different_tracking_links_has_one_url()
    {
        var links = new[]
        {
            "https://wire.example/world/bangkok-talks?utm_source=twitter&utm_medium=social",
            "https://WIRE.example:443/world/bangkok-talks?fbclid=IwAR0abc#comments",
            "https://wire.example/world/bangkok-talks?mc_cid=123&mc_eid=456",
        };
        Assert.Single(links.Select(CanonicalUrl.Clean).Distinct());
    }
}
