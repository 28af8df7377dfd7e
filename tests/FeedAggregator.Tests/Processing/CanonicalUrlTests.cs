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

    // Written out, not read from TrackingParameters: a name lost from the set must fail here.
    [Theory]
    [InlineData("fbclid")]
    [InlineData("gclid")]
    [InlineData("gclsrc")]
    [InlineData("dclid")]
    [InlineData("gbraid")]
    [InlineData("wbraid")]
    [InlineData("msclkid")]
    [InlineData("mc_cid")]
    [InlineData("mc_eid")]
    [InlineData("igshid")]
    [InlineData("yclid")]
    [InlineData("twclid")]
    [InlineData("ttclid")]
    [InlineData("li_fat_id")]
    [InlineData("_hsenc")]
    [InlineData("_hsmi")]
    [InlineData("__hssc")]
    [InlineData("__hstc")]
    [InlineData("__hsfp")]
    [InlineData("hsctatracking")]
    [InlineData("mkt_tok")]
    [InlineData("oly_anon_id")]
    [InlineData("oly_enc_id")]
    [InlineData("vero_id")]
    [InlineData("vero_conv")]
    [InlineData("_openstat")]
    [InlineData("wt_mc")]
    [InlineData("wt.mc_id")]
    [InlineData("s_cid")]
    [InlineData("ref_src")]
    [InlineData("ref_url")]
    [InlineData("rb_clickid")]
    [InlineData("srsltid")]
    [InlineData("ncid")]
    [InlineData("at_medium")]
    [InlineData("at_campaign")]
    [InlineData("cmpid")]
    [InlineData("utm_anything")]
    public void Each_tracking_parameter_is_removed_and_the_others_kept(string name)
    {
        Assert.Equal("https://example.com/x?id=2&z=1", CanonicalUrl.Clean($"https://example.com/x?z=1&{name}=abc&id=2"));
        Assert.Equal("https://example.com/x", CanonicalUrl.Clean($"https://example.com/x?{name.ToUpperInvariant()}=abc"));
    }
}
