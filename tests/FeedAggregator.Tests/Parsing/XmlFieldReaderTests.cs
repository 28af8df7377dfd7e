using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Tests.Parsing;

public sealed class XmlFieldReaderTests
{
    [Fact]
    public void Reads_text_only_elements_without_a_tree()
    {
        var item = ReadItem("""<item xml:base="http://example.com/" xmlns:dc="http://purl.org/dc/elements/1.1/"><title>A &amp; B</title><dc:creator>Jo</dc:creator><guid isPermaLink="false">g1</guid></item>""");

        Assert.Equal(["title", "creator", "guid"], item.Fields.Select(f => f.LocalName));
        Assert.All(item.Fields, f => Assert.Null(f.Tree));
        Assert.Equal("A & B", item.Fields[0].Text);
        Assert.Equal("http://purl.org/dc/elements/1.1/", item.Fields[1].Namespace);
        Assert.Equal("false", item.Fields[2].Attribute("isPermaLink"));
        Assert.Equal("http://example.com/", item.Attribute("base", "http://www.w3.org/XML/1998/namespace"));
        // Namespace declarations are not attributes a mapper reads.
        Assert.Null(item.Attribute("dc", "http://www.w3.org/2000/xmlns/"));
    }

    [Fact]
    public void Joins_text_and_cdata_nodes_in_order()
    {
        var item = ReadItem("<item><description>one <![CDATA[<b>two</b>]]> three</description></item>");

        Assert.Equal("one <b>two</b> three", item.Fields[0].Text);
        Assert.Null(item.Fields[0].Tree);
    }

    [Fact]
    public void Keeps_mixed_content_as_a_tree_with_its_text_in_order()
    {
        var item = ReadItem("<item><description>before <p>inside <i>deep</i></p> after</description><title>next</title></item>");

        var description = item.Fields[0];
        Assert.NotNull(description.Tree);
        Assert.Equal("before inside deep after", description.Text);
        Assert.Equal("before <p>inside <i>deep</i></p> after", XmlContent.Html(description));
        // The reader goes on after the tree: the next field is read as usual.
        Assert.Equal("next", item.Fields[1].Text);
    }

    [Fact]
    public void First_and_last_pick_by_namespace_and_name()
    {
        var item = ReadItem("""<item xmlns:a="http://www.w3.org/2005/Atom"><a:updated>1</a:updated><updated>plain</updated><a:updated>2</a:updated></item>""");

        Assert.Equal("1", item.First(XmlNamespaces.Atom10, "updated")!.Text);
        Assert.Equal("2", item.Last(XmlNamespaces.Atom10, "updated")!.Text);
        Assert.Equal("plain", item.First(XmlNamespaces.None, "updated")!.Text);
        Assert.Null(item.First(XmlNamespaces.Atom10, "published"));
    }

    [Fact]
    public void A_document_cut_inside_an_element_is_an_xml_error()
    {
        Assert.Throws<XmlException>(() => ReadItem("<item><title>cut"));
        Assert.Throws<XmlException>(() => ReadItem("<item><description>a <b>cut"));
    }

    [Fact]
    public void Leaves_the_reader_on_what_follows_an_element()
    {
        using var reader = SafeXmlReader.Create(new StringReader("<r><item/><item><t>x</t></item><title>T</title><title/><after/></r>"), new ParsingOptions());
        reader.MoveToContent();
        reader.Read();

        Assert.Empty(XmlFieldReader.ReadChildren(reader).Fields);
        Assert.Equal(("item", XmlNodeType.Element), (reader.LocalName, reader.NodeType));
        Assert.Equal("x", Assert.Single(XmlFieldReader.ReadChildren(reader).Fields).Text);
        Assert.Equal(("title", XmlNodeType.Element), (reader.LocalName, reader.NodeType));
        Assert.Equal("T", XmlFieldReader.Read(reader).Text);
        Assert.Equal(("title", XmlNodeType.Element), (reader.LocalName, reader.NodeType));
        Assert.Equal("", XmlFieldReader.Read(reader).Text);
        Assert.Equal(("after", XmlNodeType.Element), (reader.LocalName, reader.NodeType));
    }

    [Fact]
    public void An_element_with_no_text_reads_as_empty()
    {
        var item = ReadItem("<item><a/><b></b><c> </c></item>");

        Assert.Equal(["", "", " "], item.Fields.Select(f => f.Text));
    }

    [Fact]
    public void A_tree_keeps_the_text_before_it_its_attributes_and_its_cdata()
    {
        var item = ReadItem("""<item><d type="html" xml:lang="en">one <![CDATA[two]]> <p class="c">three</p><![CDATA[<four>]]></d></item>""");

        var d = item.Fields[0];
        Assert.Equal("one two three<four>", d.Text);
        Assert.NotNull(d.Tree);
        Assert.Equal("html", d.Tree.Attribute("type")?.Value);
        Assert.Equal("en", d.Tree.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("c", d.Tree.Element("p")?.Attribute("class")?.Value);
        Assert.Equal("one two <p class=\"c\">three</p><![CDATA[<four>]]>", XmlContent.InnerMarkup(d.Tree));
    }

    [Fact]
    public void A_tree_may_reach_the_depth_limit_but_not_pass_it()
    {
        static string Nested(int depth) =>
            "<item><d>" + string.Concat(Enumerable.Repeat("<b>", depth - 1)) + "x" + string.Concat(Enumerable.Repeat("</b>", depth - 1)) + "</d></item>";

        Assert.Equal("x", ReadItem(Nested(XmlLimits.MaxDepth)).Fields[0].Text);
        Assert.Throws<XmlException>(() => ReadItem(Nested(XmlLimits.MaxDepth + 1)));
    }

    [Fact]
    public void Last_finds_the_only_match_at_the_start()
    {
        var item = ReadItem("""<item xmlns:a="http://www.w3.org/2005/Atom"><a:updated>1</a:updated><title>t</title></item>""");

        Assert.Equal("1", item.Last(XmlNamespaces.Atom10, "updated")!.Text);
        Assert.Null(item.Last(XmlNamespaces.Atom10, "published"));
    }

    [Fact]
    public void A_blank_attribute_reads_as_absent_and_others_trimmed()
    {
        var item = ReadItem("""<item><guid isPermaLink="  " a=" x "/></item>""");

        Assert.Null(item.Fields[0].Attribute("isPermaLink"));
        Assert.Equal("x", item.Fields[0].Attribute("a"));
    }

    private static XmlFieldSet ReadItem(string xml)
    {
        using var reader = SafeXmlReader.Create(new StringReader(xml), new ParsingOptions());
        reader.MoveToContent();
        return XmlFieldReader.ReadChildren(reader);
    }
}
