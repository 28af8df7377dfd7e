using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Tests.Parsing;

public sealed class EntityRepairTests
{
    [Theory]
    [InlineData("<t>plain</t>", "<t>plain</t>")]
    [InlineData("<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t>", "<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t>")]
    [InlineData("<t>caf&eacute;&nbsp;</t>", "<t>caf&#xE9;&#xA0;</t>")]
    [InlineData("<t>AT&T &amp; a&b</t>", "<t>AT&amp;T &amp; a&amp;b</t>")]
    [InlineData("<a href=\"?a=1&b=2\"/>", "<a href=\"?a=1&amp;b=2\"/>")]
    [InlineData("<t>&xxe;</t>", "<t>&amp;xxe;</t>")]
    [InlineData("<t><![CDATA[AT&T &nbsp;]]> &nbsp;</t>", "<t><![CDATA[AT&T &nbsp;]]> &#xA0;</t>")]
    [InlineData("<!DOCTYPE r [<!ENTITY a \"&b;\">]><r>&a;</r>", "<!DOCTYPE r [<!ENTITY a \"&b;\">]><r>&amp;a;</r>")]
    [InlineData("<t>&</t>", "<t>&amp;</t>")]
    public void Makes_entity_references_legal_xml(string input, string expected)
    {
        var context = new ParseContext(new ParsingOptions(), null);

        Assert.Equal(expected, EntityRepair.Repair(input, context));
    }

    [Fact]
    public void Returns_the_same_string_when_nothing_needs_repair()
    {
        const string input = "<t>fine &amp; dandy</t>";

        Assert.Same(input, EntityRepair.Repair(input, new ParseContext(new ParsingOptions(), null)));
    }
}
