using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("""<rss version="2.0"><channel><item/></channel></rss>""", FeedFormat.Rss20)]
    [InlineData("""<rss><channel><item/></channel></rss>""", FeedFormat.Rss20)]
    [InlineData("""<rss version="0.91"><channel><item/></channel></rss>""", FeedFormat.Rss09x)]
    [InlineData("""<rss version="0.92"><channel><item/></channel></rss>""", FeedFormat.Rss09x)]
    [InlineData("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item/></rdf:RDF>""", FeedFormat.Rss10)]
    [InlineData("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><item/></rdf:RDF>""", FeedFormat.Rss09x)]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>""", FeedFormat.Atom10)]
    [InlineData("""<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry/></atom:feed>""", FeedFormat.Atom10)]
    [InlineData("""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry/></feed>""", FeedFormat.Atom03)]
    [InlineData("""{"version": "https://jsonfeed.org/version/1.1", "items": [{}]}""", FeedFormat.Json11)]
    [InlineData("""{"version": "https://jsonfeed.org/version/1", "items": [{}]}""", FeedFormat.Json10)]
    [InlineData("""  {"items": [{}], "version": "https://jsonfeed.org/version/1.1"}""", FeedFormat.Json11)]
    public void Detects_the_format_from_the_content(string document, FeedFormat expected)
    {
        var result = ParseText(document);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Feed!.Format);
    }

    [Fact]
    public void Ignores_a_misleading_url_and_content_type()
    {
        var result = FeedAggregator.Parsing.FeedParser.Default.Parse(
            Bytes("atom10.xml"), new Uri("https://example.com/rss.json"), "application/json");

        Assert.Equal(FeedFormat.Atom10, result.Feed!.Format);
    }

    [Fact]
    public void The_atom_03_namespace_alone_says_atom_03()
    {
        var result = ParseText("""<feed xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>e</title></entry></feed>""");

        Assert.Equal(FeedFormat.Atom03, result.Feed!.Format);
        Assert.Equal("e", Assert.Single(result.Feed.Entries).Title);
    }
}
