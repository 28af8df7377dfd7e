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
    [InlineData("<t>&#X41;</t>", "<t>&#x41;</t>")]
    [InlineData("<!DOCTYPE r [<!ENTITY id \"tag:example.com,\">]><r>&id;1</r>", "<!DOCTYPE r [<!ENTITY id \"tag:example.com,\">]><r>tag:example.com,1</r>")]
    [InlineData("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>&xxe;</r>", "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><r>&amp;xxe;</r>")]
    public void Makes_entity_references_legal_xml(string input, string expected)
    {
        var context = new ParseContext(new ParsingOptions(), null);

        Assert.Equal(expected, EntityRepair.Repair(input, context));
    }

    [Fact]
    public void Expands_declared_entities_only_within_the_entity_budget()
    {
        var options = new ParsingOptions { MaxEntityCharacters = 10 };
        var context = new ParseContext(options, null);

        var repaired = EntityRepair.Repair("<!DOCTYPE r [<!ENTITY a \"123456\">]><r>&a;&a;</r>", context);

        Assert.EndsWith("<r>123456&amp;a;</r>", repaired, StringComparison.Ordinal);
        Assert.Contains(context.Warnings, w => w.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Returns_the_same_string_when_nothing_needs_repair()
    {
        const string input = "<t>fine &amp; dandy</t>";

        Assert.Same(input, EntityRepair.Repair(input, new ParseContext(new ParsingOptions(), null)));
    }
}
