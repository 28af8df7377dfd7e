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

    // The test a streamed parse makes on the bytes: true whenever the repair could change or warn,
    // so that a document it clears is read exactly as the whole text would be.
    [Theory]
    [InlineData("<t>plain</t>", false)]
    [InlineData("<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t>", false)]
    [InlineData("<t><![CDATA[AT&T &nbsp; &eacute;]]> &amp;</t>", false)]
    [InlineData("<t><![CDATA[a]]>&nbsp;<![CDATA[b]]></t>", true)]
    [InlineData("<t><![CDATA[never closed &nbsp;", false)]
    [InlineData("<t>caf&eacute;</t>", true)]
    [InlineData("<t>AT&T</t>", true)]
    [InlineData("<t>&</t>", true)]
    [InlineData("<t>&#X41;</t>", true)]
    [InlineData("<t>&#12a;</t>", true)]
    [InlineData("<!-- &nbsp; --><t/>", true)]
    [InlineData("<!DOCTYPE r [<!ENTITY big \"plain text\">]><r/>", true)]
    [InlineData("<!doctype r><r>&amp;</r>", false)]
    [InlineData("<t>caf\u00e9 &amp; \u0645\u0631\u062d\u0628\u0627</t>", false)]
    public void Says_from_the_bytes_whether_repair_could_change_anything(string input, bool mayNeedRepair)
    {
        var context = new ParseContext(new ParsingOptions(), null);

        Assert.Equal(mayNeedRepair, EntityRepair.MayNeedRepair(System.Text.Encoding.UTF8.GetBytes(input)));
        if (!mayNeedRepair)
        {
            Assert.Null(EntityRepair.Repair(input.AsSpan(), context));
            Assert.Empty(context.Warnings);
        }
    }

    // Read from a stream a block of 64 KB at a time, the test gives what it gives on the whole
    // bytes, wherever a reference, a CDATA section's start or end, or a DOCTYPE falls.
    [Theory]
    [InlineData("&nbsp;")]
    [InlineData("&amp;")]
    [InlineData("&#8217;")]
    [InlineData("&#x12345678901234567890123456789012345678901234567890123456789012345;")]
    [InlineData("<![CDATA[&nbsp;]]>")]
    [InlineData("<![CDATA[x]]>&nbsp;")]
    [InlineData("]]>&nbsp;")]
    [InlineData("<!DOCTYPE r>")]
    [InlineData("AT&T")]
    public void Says_the_same_of_a_stream_read_in_blocks_wherever_the_block_ends(string token)
    {
        const int Block = 64 * 1024;
        foreach (var before in new[] { Block - 70, Block - 9, Block - 5, Block - 2, Block - 1, Block, Block + 1, 2 * Block - 3 })
        {
            // Inside a CDATA section opened at the start, for the "]]>" cases.
            var opening = token.StartsWith("]]>", StringComparison.Ordinal) ? "<t><![CDATA[" : "<t>";
            var bytes = System.Text.Encoding.UTF8.GetBytes(opening + new string('x', before - opening.Length) + token + "</t>");

            Assert.Equal(EntityRepair.MayNeedRepair(bytes), EntityRepair.MayNeedRepair(new MemoryStream(bytes)));
        }
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

    [Theory]
    [InlineData("<t>fine &amp; dandy</t>")]
    [InlineData(" &amp; &#233;")]
    [InlineData("&lt;&gt;&quot;&apos;&#xE9;")]
    public void Returns_the_same_string_when_nothing_needs_repair(string input)
    {
        Assert.Same(input, EntityRepair.Repair(input, new ParseContext(new ParsingOptions(), null)));
    }

    private static (string Repaired, IReadOnlyList<string> Warnings) RepairWithWarnings(string input, ParsingOptions? options = null)
    {
        var context = new ParseContext(options ?? new ParsingOptions(), null);
        var repaired = EntityRepair.Repair(input, context);
        return (repaired, context.Warnings);
    }

    [Theory]
    [InlineData("&eacute;t&eacute;", "&#xE9;t&#xE9;")]
    [InlineData("<t>&amp; then &eacute;</t>", "<t>&amp; then &#xE9;</t>")]
    [InlineData("<t>&lt;b&gt; &amp;amp; &quot;q&quot; &apos;a&apos; &#233; &nbsp;</t>", "<t>&lt;b&gt; &amp;amp; &quot;q&quot; &apos;a&apos; &#233; &#xA0;</t>")]
    [InlineData("<t> &eacute;(&eacute;)</t>", "<t> &#xE9;(&#xE9;)</t>")]
    [InlineData("<t>x&1abc;</t>", "<t>x&amp;1abc;</t>")]
    [InlineData("<r><!-- a &nbsp; b --></r>", "<r><!-- a &#xA0; b --></r>")]
    [InlineData("<t><![CDATA[ab&c]]></t>", "<t><![CDATA[ab&c]]></t>")]
    [InlineData("<t><![CDATA[]]>&nbsp;</t>", "<t><![CDATA[]]>&#xA0;</t>")]
    [InlineData("<t><![CDATA[a &nbsp; never closed", "<t><![CDATA[a &nbsp; never closed")]
    [InlineData("<!DOCTYPE r SYSTEM \"http://x.example/d?a=1&b=2\"><r>&nbsp;</r>", "<!DOCTYPE r SYSTEM \"http://x.example/d?a=1&b=2\"><r>&#xA0;</r>")]
    [InlineData("<!DOCTYPE r []><r>&nbsp;</r>", "<!DOCTYPE r []><r>&#xA0;</r>")]
    [InlineData("<!DOCTYPE r [] x&y ><r>&nbsp;</r>", "<!DOCTYPE r [] x&y ><r>&#xA0;</r>")]
    [InlineData("<!DOCTYPE r [ &nbsp; <r>&nbsp;</r>", "<!DOCTYPE r [ &nbsp; <r>&nbsp;</r>")]
    [InlineData("<!DOCTYPE r [<!ENTITY a 'x'>] &nbsp;", "<!DOCTYPE r [<!ENTITY a 'x'>] &nbsp;")]
    [InlineData(" <!DOCTYPE r><r>&nbsp;<!-- &nbsp; --></r>", " <!DOCTYPE r><r>&#xA0;<!-- &#xA0; --></r>")]
    public void Repairs_text_and_comments_but_never_cdata_or_the_doctype(string input, string expected)
    {
        Assert.Equal(expected, RepairWithWarnings(input).Repaired);
    }

    [Theory]
    [InlineData("<!DOCTYPE r>rest", 12)]
    [InlineData("<!DOCTYPE r [<!ENTITY a \">\">]>rest", 30)]
    [InlineData("<!DOCTYPE r []>rest", 15)]
    [InlineData("<!DOCTYPE r [] x >rest", 18)]
    [InlineData("<!DOCTYPE r [ never closed", 26)]
    [InlineData("<!DOCTYPE r [<!ENTITY a 'x'>] no end", 36)]
    [InlineData("<!DOCTYPE r", 11)]
    public void A_doctype_ends_after_its_internal_subset(string doctype, int length)
    {
        Assert.Equal(length, EntityRepair.AfterDoctype(doctype));
    }

    [Fact]
    public void Names_the_undeclared_entities_it_kept_as_text()
    {
        var longName = new string('n', 32);

        var (repaired, warnings) = RepairWithWarnings($"<t>&my_ent; &my-ent; &my.ent; &{longName}; &{longName}x;</t>");

        Assert.Equal($"<t>&amp;my_ent; &amp;my-ent; &amp;my.ent; &amp;{longName}; &amp;{longName}x;</t>", repaired);
        Assert.Equal([$"undeclared entities kept as text: &my-ent;, &my.ent;, &my_ent;, &{longName};"], warnings);
    }

    [Fact]
    public void A_declared_entity_that_exactly_fills_the_budget_is_expanded()
    {
        var (repaired, warnings) = RepairWithWarnings("<!DOCTYPE r [<!ENTITY a \"123456\">]><r>&a;</r>", new ParsingOptions { MaxEntityCharacters = 6 });

        Assert.EndsWith("<r>123456</r>", repaired, StringComparison.Ordinal);
        Assert.Empty(warnings);
    }
}
