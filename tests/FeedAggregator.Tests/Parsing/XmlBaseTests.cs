using System.Text;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>An element's own xml:base applies to its attributes and to the URLs in its content.</summary>
public sealed class XmlBaseTests
{
    private static readonly ContentSanitizer Sanitizer = new();

    [Fact]
    public void A_title_with_its_own_base_carries_it_for_its_links()
    {
        var feed = ParseFeed("XmlBase/atom-title-own-base.xml");
        var entry = Assert.Single(feed.Entries);

        Assert.Equal(new Uri("https://maps.example.org/about/"), feed.TitleBaseUrl);
        Assert.Equal(new Uri("https://maps.example.org/trails/"), entry.TitleBaseUrl);
        // No document URL and no feed base: the title's own base is the only one.
        Assert.Contains("href=\"https://maps.example.org/trails/ridge\"",
            Sanitizer.SanitizeInline(entry.TitleHtml, entry.TitleBaseUrl ?? entry.BaseUrl ?? feed.BaseUrl), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_and_content_resolve_against_their_own_base_within_the_entry_s()
    {
        var feed = ParseFeed("XmlBase/atom-link-content-own-base.xml");
        var entry = Assert.Single(feed.Entries);

        Assert.Equal("https://mirror.example.net/posts/chisels", entry.Link);
        Assert.Equal("https://cdn.example.net/audio/chisels.mp3", Assert.Single(entry.Enclosures).Url);
        Assert.Equal(new Uri("https://tools.example.com/blog/2024/notes/"), entry.SummaryBaseUrl); // relative to the entry's base
        Assert.Equal(new Uri("https://tools.example.com/guides/"), entry.ContentBaseUrl);

        var article = new ArticleProcessor(Sanitizer).Process(feed, entry, null);
        Assert.Contains("https://tools.example.com/blog/2024/notes/stones", article.SummaryHtml, StringComparison.Ordinal);
        Assert.Contains("https://tools.example.com/guides/bevel.png", article.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_fields_with_their_own_base_resolve_against_it()
    {
        var feed = ParseFeed("XmlBase/rss-fields-own-base.xml");

        Assert.Equal("https://ferry.example.com/routes/north", feed.Entries[0].Link);
        Assert.Equal(new Uri("https://ferry.example.com/notices/"), feed.Entries[0].SummaryBaseUrl);
        Assert.Equal("https://ferry.example.com/prices/2024", feed.Entries[1].Link);
        Assert.Equal(new Uri("https://ferry.example.com/prices/"), feed.Entries[1].ContentBaseUrl);
    }

    [Fact]
    public void A_field_without_its_own_base_has_none_of_its_own()
    {
        var entry = ParseFeed("atom10.xml").Entries[0];

        Assert.Null(entry.TitleBaseUrl);
        Assert.Null(entry.SummaryBaseUrl);
        Assert.Null(entry.ContentBaseUrl);
        Assert.Equal("posts/lexers", entry.Link); // still relative: processing resolves it against the entry's base
    }

    private static ParsedFeed ParseAt(string document) =>
        FeedParser.Default.Parse(Encoding.UTF8.GetBytes(document), new Uri("https://feeds.example.com/f.xml")).Feed!;

    [Fact]
    public void A_channel_s_base_applies_to_the_items_inside_it()
    {
        var feed = ParseAt("""<rss version="2.0"><channel xml:base="https://other.example/c/"><title>T</title><item><title>i</title><link>p</link></item></channel></rss>""");

        Assert.Equal(new Uri("https://other.example/c/"), Assert.Single(feed.Entries).BaseUrl);
    }

    [Fact]
    public void A_channel_s_base_ends_with_the_channel()
    {
        // No whitespace between the elements: the walk must stop at the channel's own end tag.
        var feed = ParseAt("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">"""
            + """<channel xml:base="https://other.example/c/"><title>T</title></channel>"""
            + """<item><title>i</title><link>https://feeds.example.com/p</link></item></rdf:RDF>""");

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("i", entry.Title);
        Assert.Null(entry.BaseUrl);
    }

    [Fact]
    public void A_base_that_repeats_the_one_in_scope_is_not_the_field_s_own()
    {
        var feed = ParseAt("""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/x/"><title xml:base="https://a.example/x/">T</title><entry><title xml:base="https://a.example/x/">E</title><summary xml:base="y/">S</summary></entry></feed>""");

        Assert.Null(feed.TitleBaseUrl);
        var entry = Assert.Single(feed.Entries);
        Assert.Null(entry.TitleBaseUrl);
        Assert.Equal(new Uri("https://a.example/x/y/"), entry.SummaryBaseUrl);
    }

    [Fact]
    public void An_empty_channel_s_base_applies_to_nothing_after_it()
    {
        var feed = ParseAt("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel xml:base="https://other.example/c/" rdf:about="https://feeds.example.com/"/>
            <item><title>i</title><link>https://feeds.example.com/p</link></item>
            </rdf:RDF>
            """);

        Assert.Null(Assert.Single(feed.Entries).BaseUrl);
    }
}
