using FeedAggregator.Fetching;

namespace FeedAggregator.Tests.Fetching;

public sealed class RedirectChainTests
{
    private static readonly Uri Start = new("https://blog.example.org/feeds/all.xml");

    [Theory]
    [InlineData("/rss", "https://blog.example.org/rss")]
    [InlineData("atom.xml", "https://blog.example.org/feeds/atom.xml")]
    [InlineData("//cdn.example.net/feed.xml", "https://cdn.example.net/feed.xml")]
    [InlineData("  http://other.example.com/feed?x=1  ", "http://other.example.com/feed?x=1")]
    public void Locations_resolve_against_the_current_url(string location, string expected)
    {
        var chain = new RedirectChain(Start, maxRedirects: 5);

        Assert.Null(chain.Follow(301, location));
        Assert.Equal(new Uri(expected), chain.Current);
        Assert.Equal(new Uri(expected), chain.PermanentUrl);
    }

    [Fact]
    public void Without_a_redirect_there_is_no_permanent_url() =>
        Assert.Null(new RedirectChain(Start, maxRedirects: 5).PermanentUrl);

    [Fact]
    public void A_fragment_does_not_make_a_new_url()
    {
        var chain = new RedirectChain(Start, maxRedirects: 5);

        Assert.StartsWith("redirect loop: ", chain.Follow(302, "/feeds/all.xml#top"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/feed.xml", "unsupported scheme ftp")]
    [InlineData("mailto:editor@example.org", "unsupported scheme mailto")]
    [InlineData("javascript:alert(1)", "unsupported scheme javascript")]
    public void Only_http_and_https_are_followed(string location, string error)
    {
        var chain = new RedirectChain(Start, maxRedirects: 5);

        Assert.StartsWith(error, chain.Follow(302, location), StringComparison.Ordinal);
        Assert.Equal(Start, chain.Current);
    }

    [Fact]
    public void An_unparseable_location_fails() =>
        Assert.StartsWith("invalid redirect Location", new RedirectChain(Start, 5).Follow(301, "http://[not-a-host/"), StringComparison.Ordinal);

    [Fact]
    public void A_relative_feed_url_is_refused_with_its_text() =>
        Assert.Equal("not an absolute URL: feeds/all.xml", RedirectChain.CheckScheme(new Uri("feeds/all.xml", UriKind.Relative)));
}
