using System.Xml.Linq;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Markup carried in a feed element, written out as HTML.</summary>
public sealed class XmlContentTests
{
    [Fact]
    public void Drops_namespace_declarations_and_prefixes_but_keeps_xml_attributes()
    {
        var element = XElement.Parse("""<d xmlns:x="urn:x"><p xmlns:y="urn:y" xml:lang="en" x:title="t" class="c">hi</p></d>""");

        Assert.Equal("<p xml:lang=\"en\" title=\"t\" class=\"c\">hi</p>", XmlContent.InnerMarkup(element));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void Blank_html_is_none(string text)
    {
        Assert.Null(XmlContent.Html(new XmlField("", "description", [], text, null)));
    }

    [Fact]
    public void Html_is_trimmed()
    {
        Assert.Equal("<b>x</b>", XmlContent.Html(new XmlField("", "description", [], "  <b>x</b>\n", null)));
    }

    [Fact]
    public void A_blank_attribute_is_none()
    {
        var element = XElement.Parse("""<link href="  " rel=" alternate "/>""");

        Assert.Null(XmlContent.Attribute(element, "href"));
        Assert.Null(XmlContent.Attribute(element, "type"));
        Assert.Equal("alternate", XmlContent.Attribute(element, "rel"));
    }
}
