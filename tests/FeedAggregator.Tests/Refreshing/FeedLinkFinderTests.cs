using System.Text;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Autodiscovery: which responses are HTML pages, and which of their links are feeds.</summary>
public sealed class FeedLinkFinderTests
{
    private static readonly Uri Page = new("https://blog.example/posts/");

    [Theory]
    [InlineData("text/html; charset=utf-8", true)]
    [InlineData("TEXT/HTML", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("application/rss+xml", false)]
    [InlineData("text/xml", false)]
    public void The_content_type_says_whether_a_response_is_a_page(string contentType, bool html)
    {
        // The body alone would say page: a content type, when sent, decides.
        Assert.Equal(html, FeedLinkFinder.IsHtml(contentType, "<html><body></body></html>"u8.ToArray()));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html></html>", true)]
    [InlineData("\uFEFF  \n<html lang=\"en\"><head></head></html>", true)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", false)]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\"}", false)]
    public void Without_a_content_type_the_start_of_the_body_says(string body, bool html)
    {
        Assert.Equal(html, FeedLinkFinder.IsHtml(null, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("application/rss+xml")]
    [InlineData("application/atom+xml")]
    [InlineData("application/feed+json")]
    [InlineData("application/json")]
    [InlineData("application/rdf+xml")]
    [InlineData(" Application/Atom+XML ")]
    public void Every_feed_type_is_a_feed_link(string type)
    {
        var html = $"""<html><head><link rel="alternate" type="{type}" href="feed"></head></html>""";

        Assert.Equal([new Uri("https://blog.example/posts/feed")], FeedLinkFinder.Find(Encoding.UTF8.GetBytes(html), Page));
    }

    [Fact]
    public void Only_alternate_links_of_a_feed_type_to_a_web_url_count_in_document_order()
    {
        var html = """
            <html><head>
            <link rel="stylesheet" type="application/rss+xml" href="/not-alternate">
            <link rel="alternate" type="text/html" href="/not-a-feed">
            <link rel="alternate" type="" href="/" >
            <link rel="alternate" type="application/rss+xml" href="">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link REL='home Alternate' TYPE='application/atom+xml' HREF='/atom?a=1&amp;b=2'>
            <link rel=alternate type=application/rss+xml href=https://feeds.example/rss>
            </head></html>
            """;

        Assert.Equal(
            [new Uri("https://blog.example/atom?a=1&b=2"), new Uri("https://feeds.example/rss")],
            FeedLinkFinder.Find(Encoding.UTF8.GetBytes(html), Page));
    }
}
