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

    private static (string Output, RecoveryRepairs Repairs) RewriteWithRepairs(string text, long limit = 1_000_000)
    {
        using var recovered = TolerantXml.Rewrite(text, limit);
        Assert.NotNull(recovered);
        return (recovered.Text.Span.ToString(), recovered.Repairs);
    }

    [Theory]
    [InlineData("<rss><channel><title>T</title></channel></rss>", null)]
    [InlineData("<rss><content:encoded>x</content:encoded></rss>", "declared the undeclared prefix content")]
    [InlineData("<rss><b:x/><a:y/></rss>", "declared the undeclared prefixes a, b")]
    [InlineData("<rss><title>a\u0001b</title></rss>", "removed 1 character XML forbids")]
    [InlineData("<rss><title>a\u0001b\u0002</title></rss>", "removed 2 characters XML forbids")]
    [InlineData("<rss><item>one<item>two</item></rss>", "closed 1 unclosed element")]
    [InlineData("<rss><channel><item><title>x</channel></rss>", "closed 2 unclosed elements")]
    [InlineData("<feed><title>A<id>B</id></feed>", "closed 1 unclosed element")]
    [InlineData("<rss></p></rss>", "dropped 1 end tag that closed nothing")]
    [InlineData("<rss></p></q></rss>", "dropped 2 end tags that closed nothing")]
    [InlineData("<rss><title>a < b</title></rss>", "read 1 stray \"<\" as text")]
    [InlineData("<rss><p a=\"1\" a=\"2\"/></rss>", "dropped 1 malformed or repeated attribute")]
    [InlineData("<rss><p 1a=\"1\" xml:space=\"bogus\" xmlns:q=\"\" xmlns:r xmlns:xml=\"urn:x\" xmlns:xmlns=\"urn:y\"/></rss>", "dropped 6 malformed or repeated attributes")]
    [InlineData("<rss><item>one</item><item>two", "closed 1 unclosed element, dropped the last entry, cut off by the end of the document")]
    [InlineData("<rss><channel><title>T</title>", "closed 2 unclosed elements")]
    public void Tells_what_it_repaired(string input, string? expected)
    {
        var (output, repairs) = RewriteWithRepairs(input);

        Assert.Equal(expected, repairs.Describe());
        AssertWellFormed(output);
    }

    [Fact]
    public void Tells_of_nesting_it_flattened()
    {
        var deep = "<rss>" + string.Concat(Enumerable.Repeat("<b>", XmlLimits.MaxDepth + 2)) + "x</rss>";

        var (_, repairs) = RewriteWithRepairs(deep);

        Assert.Equal(3, repairs.TooDeep);
        Assert.Contains($"flattened 3 elements nested deeper than {XmlLimits.MaxDepth}", repairs.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tells_that_it_stopped_at_the_size_limit()
    {
        var items = string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 1000));

        var (_, repairs) = RewriteWithRepairs("<rss><channel>" + items + "</channel></rss>", limit: 2000);

        Assert.True(repairs.StoppedAtLimit);
        Assert.EndsWith("stopped at the document size limit", repairs.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_document_that_ends_inside_its_root_ended_open()
    {
        Assert.False(RewriteWithRepairs("<rss><channel/></rss>").Repairs.EndedOpen);
        Assert.True(RewriteWithRepairs("<rss><channel>").Repairs.EndedOpen);
    }

    [Theory]
    [InlineData("junk <p>x</p><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><title>T</title></rdf:RDF>", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><title>T</title></rdf:RDF>")]
    [InlineData("<?xml version=\"1.0\"?><feed><title>T</title></feed>", "<feed><title>T</title></feed>")]
    [InlineData("<html><rss><channel/></rss>", "<rss><channel/></rss>")]
    [InlineData("<rss><channel/></rss><rss>second</rss>", "<rss><channel/></rss>")]
    [InlineData("<rss/><item>x</item>", "<rss/>")]
    public void Reads_from_the_feed_root_to_its_end(string input, string expected)
    {
        Assert.Equal(expected, Rewrite(input));
    }

    [Theory]
    [InlineData("<rss><channel><!-- c -->abcdefghij<title>T</title></channel></rss>", "<rss><channel>abcdefghij<title>T</title></channel></rss>")]
    [InlineData("<rss><!---->x</rss>", "<rss>x</rss>")]
    [InlineData("<rss><??>x<?pi a?>y</rss>", "<rss>xy</rss>")]
    [InlineData("<rss><channel><title>T</title><!-- never closed <item>x</item></channel></rss>", "<rss><channel><title>T</title></channel></rss>")]
    [InlineData("<rss><t><![CDATA[]]>x</t></rss>", "<rss><t><![CDATA[]]>x</t></rss>")]
    [InlineData("<rss><t><![CDATA[abc <b>", "<rss><t><![CDATA[abc <b>]]></t></rss>")]
    [InlineData("<rss><!DOCTYPE x>text</rss>", "<rss>text</rss>")]
    [InlineData("<rss><!DOCTYPE x [<!ENTITY a \"b\">]>text</rss>", "<rss>text</rss>")]
    public void Drops_comments_instructions_and_declarations_and_keeps_cdata(string input, string expected)
    {
        var output = Rewrite(input);

        Assert.Equal(expected, output);
        AssertWellFormed(output);
    }

    [Theory]
    [InlineData("<rss><channel><title>A<link>B</channel></rss>", "<rss><channel><title>A</title><link>B</link></channel></rss>")]
    [InlineData("<rss><title>A<link>B</rss>", "<rss><title>A</title><link>B</link></rss>")]
    [InlineData("<feed><title>A<id>B</feed>", "<feed><title>A</title><id>B</id></feed>")]
    [InlineData("<rdf:RDF><title>A<link>B</rdf:RDF>", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><title>A</title><link>B</link></rdf:RDF>")]
    [InlineData("<feed><entry><title>A<summary>B</entry></feed>", "<feed><entry><title>A</title><summary>B</summary></entry></feed>")]
    [InlineData("<rss><channel><image><title>A<link>B</image></channel></rss>", "<rss><channel><image><title>A<link>B</link></title></image></channel></rss>")]
    public void A_field_directly_inside_a_feed_container_closes_an_open_sibling_field(string input, string expected)
    {
        Assert.Equal(expected, Rewrite(input));
    }

    [Theory]
    [InlineData("<rss xml:lang=\"en\" xmlns:a=\"urn:a\"><a:b xml:space=\"preserve\"/><c xml:space=\"default\"/></rss>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>")]
    public void Leaves_well_formed_names_and_reserved_prefixes_as_they_are(string input)
    {
        var (output, repairs) = RewriteWithRepairs(input);

        Assert.Equal(input, output);
        Assert.Null(repairs.Describe());
    }

    [Fact]
    public void Every_prefix_an_element_declares_goes_out_of_scope_with_it()
    {
        var output = Rewrite("""<rss><a xmlns:m="urn:m" xmlns:n="urn:n"><m:b/><n:b/></a><m:c/><n:c/></rss>""");

        Assert.StartsWith("""<rss xmlns:m="urn:x-feedaggregator:undeclared:m" xmlns:n="urn:x-feedaggregator:undeclared:n">""", output, StringComparison.Ordinal);
        AssertWellFormed(output);
    }
}
