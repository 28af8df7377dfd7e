using System.Xml;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml;
using FeedAggregator.Parsing.Xml.Recovery;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The re-reader itself: whatever it is given, what it writes is XML the safe reader reads to the end.</summary>
public sealed class TolerantXmlTests
{
    private static string Rewrite(string text, long limit = 1_000_000)
    {
        using var recovered = TolerantXml.Rewrite(text, limit);
        Assert.NotNull(recovered);
        return recovered.Text.Span.ToString();
    }

    private static void AssertWellFormed(string xml)
    {
        using var reader = SafeXmlReader.Create(new StringReader(xml), new ParsingOptions());
        while (reader.Read())
        {
        }
    }

    [Theory]
    [InlineData("<rss><channel><title>a < b & c</title></channel></rss>", "<rss><channel><title>a &lt; b &amp; c</title></channel></rss>")]
    [InlineData("<rss><item><title>x</item></rss>", "<rss><item><title>x</title></item></rss>")]
    [InlineData("<rss><item><title>x</titel></item></rss>", "<rss><item><title>x</title></item></rss>")]
    [InlineData("<rss><p a=1 b='2' c=\"3\" d>t</p></rss>", "<rss><p a=\"1\" b=\"2\" c=\"3\" d=\"d\">t</p></rss>")]
    [InlineData("<rss><p a=\"1\" a=\"2\">t<br>u</p></rss>", "<rss><p a=\"1\">t<br/>u</p></rss>")]
    [InlineData("<rss><item><title>]]></title></item></rss>", "<rss><item><title>]]&gt;</title></item></rss>")]
    [InlineData("<rss><!-- c --><?pi x?><![CDATA[<b>]]></rss>", "<rss><![CDATA[<b>]]></rss>")]
    [InlineData("<rss><item>one</item><item>two</rss>", "<rss><item>one</item><item>two</item></rss>")]
    [InlineData("<rss><item>one</item><item>two", "<rss><item>one</item></rss>")]
    [InlineData("<rss><item>one<item>two</item></rss>", "<rss><item>one</item><item>two</item></rss>")]
    [InlineData("<rss><Item>one</ITEM></rss>", "<rss><Item>one</Item></rss>")]
    public void Rewrites_to_well_formed_xml(string input, string expected)
    {
        var output = Rewrite(input);

        Assert.Equal(expected, output);
        AssertWellFormed(output);
    }

    [Fact]
    public void Declares_undeclared_prefixes_on_the_root_and_respects_declared_ones()
    {
        var output = Rewrite("""<rss xmlns:dc="urn:own-dc"><item><dc:creator>a</dc:creator><content:encoded>b</content:encoded><x:y z:w="1"/></item></rss>""");

        Assert.StartsWith("""<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:x="urn:x-feedaggregator:undeclared:x" xmlns:z="urn:x-feedaggregator:undeclared:z" xmlns:dc="urn:own-dc">""", output, StringComparison.Ordinal);
        AssertWellFormed(output);
    }

    [Fact]
    public void A_prefix_declared_only_in_a_sibling_is_declared_for_the_rest()
    {
        var output = Rewrite("""<rss><a xmlns:m="urn:m"><m:b/></a><m:c/></rss>""");

        Assert.Contains("xmlns:m=\"urn:x-feedaggregator:undeclared:m\"", output, StringComparison.Ordinal);
        AssertWellFormed(output);
    }

    [Fact]
    public void Returns_nothing_when_there_is_no_feed_root()
    {
        Assert.Null(TolerantXml.Rewrite("<html><body><p>not a feed</p></body></html>", 1_000_000));
        Assert.Null(TolerantXml.Rewrite("Service Unavailable", 1_000_000));
    }

    [Fact]
    public void Flattens_nesting_past_the_depth_limit()
    {
        var deep = "<rss><channel><item><description>" + string.Concat(Enumerable.Repeat("<b>", 100_000)) + "x</description></item></channel></rss>";

        var output = Rewrite(deep, 10_000_000);

        AssertWellFormed(output);
        Assert.True(output.Length < 4 * XmlLimits.MaxDepth * 4 + 200);
    }

    [Fact]
    public void Stops_at_the_size_limit_and_still_writes_xml()
    {
        var items = string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 1000));

        var output = Rewrite("<rss><channel>" + items, limit: 2000);

        Assert.True(output.Length < 2200);
        AssertWellFormed(output);
    }

    [Fact]
    public void Damaged_documents_always_rewrite_to_readable_xml()
    {
        const string document = """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T &amp; U</title>
            <item><title>One</title><link>http://a.example/1?x=1&amp;y=2</link><description><![CDATA[<p>hi</p>]]></description>
            <atom:link href="http://a.example/1" rel="alternate"/><guid isPermaLink="false">g1</guid></item>
            <item><title>Two &#233;</title><dc:creator>Jo</dc:creator></item></channel></rss>
            """;
        var random = new Random(16);
        char[] noise = ['<', '>', '/', '&', '"', '\'', '=', ':', '\0', '\b', '\uD800', ']', '!', '?', '-', ' '];

        for (var round = 0; round < 2000; round++)
        {
            var chars = document.ToCharArray();
            for (var hit = 0; hit < 1 + round % 7; hit++)
                chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            var damaged = new string(chars, 0, random.Next(chars.Length / 2, chars.Length + 1));

            using var recovered = TolerantXml.Rewrite(damaged, 1_000_000);
            if (recovered is not null)
                AssertWellFormed(recovered.Text.Span.ToString());
        }
    }
}
