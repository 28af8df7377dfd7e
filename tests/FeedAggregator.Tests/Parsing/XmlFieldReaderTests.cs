using System.Xml;
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

    private static XmlFieldSet ReadItem(string xml)
    {
        using var reader = SafeXmlReader.Create(new StringReader(xml), new ParsingOptions());
        reader.MoveToContent();
        return XmlFieldReader.ReadChildren(reader);
    }
}
