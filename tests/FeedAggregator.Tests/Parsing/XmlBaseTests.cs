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
}
