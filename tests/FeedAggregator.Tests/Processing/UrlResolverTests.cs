using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class UrlResolverTests
{
    private static readonly Uri Base = new("https://news.example/feeds/all.xml");

    [Theory]
    [InlineData("http://plain.example/a", "http://plain.example/a")]
    [InlineData("https://secure.example/a", "https://secure.example/a")]
    [InlineData(" story/1 ", "https://news.example/feeds/story/1")]
    [InlineData("/top", "https://news.example/top")]
    [InlineData("//cdn.example/x", "https://cdn.example/x")]
    public void Links_become_absolute_http_urls(string link, string expected) =>
        Assert.Equal(expected, UrlResolver.Resolve(link, Base));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("mailto:a@example.com")]
    [InlineData("ftp://files.example/a")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_web_link_is_dropped(string? link) => Assert.Null(UrlResolver.Resolve(link, Base));

    [Fact]
    public void A_relative_link_without_a_base_is_dropped() => Assert.Null(UrlResolver.Resolve("story/1", null));
}
