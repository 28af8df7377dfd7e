using FeedAggregator.Parsing.Xml;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Nesting past the limit costs the document its deep part, never the process its stack.</summary>
public sealed class XmlDepthTests
{
    private const int Hostile = 200_000;

    [Fact]
    public void Deeply_nested_xhtml_content_is_cut_at_the_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("<b>", Hostile)) + "x" + string.Concat(Enumerable.Repeat("</b>", Hostile));
        var document = $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title>
            <entry><title>Before</title></entry>
            <entry><title>Deep one</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{deep}</div></content></entry>
            </feed>
            """;

        var feed = ParseText(document).Feed!;

        Assert.Equal("Before", feed.Entries[0].Title);
        Assert.True(feed.Recovered);
        Assert.Contains($"nested deeper than {XmlLimits.MaxDepth}", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_channels_are_not_walked_into()
    {
        var open = string.Concat(Enumerable.Repeat("<channel>", Hostile));
        var close = string.Concat(Enumerable.Repeat("</channel>", Hostile));

        var feed = ParseText($"<rss version=\"2.0\"><channel><item><title>Shallow</title></item>{open}<item><title>Deep</title></item>{close}</channel></rss>").Feed!;

        // What lies past the limit is lost; what lies before it is not.
        Assert.Equal(["Shallow"], feed.Entries.Select(e => e.Title));
        Assert.True(feed.Recovered);
    }

    [Theory]
    [InlineData(XmlLimits.MaxDepth - 1, true)]
    [InlineData(XmlLimits.MaxDepth, false)]
    public void A_channel_is_walked_into_only_above_the_depth_limit(int depth, bool walked)
    {
        // The root is at depth 0, so the innermost of these channels is at the given depth.
        var open = string.Concat(Enumerable.Repeat("<channel>", depth));
        var close = string.Concat(Enumerable.Repeat("</channel>", depth));

        var feed = ParseText($"<rss version=\"2.0\">{open}<item><title>Deep</title></item>{close}</rss>").Feed;

        Assert.Equal(walked, feed?.Entries.Any(e => e.Title == "Deep") == true);
    }
}
