using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml.Recovery;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Text, attribute values and CDATA as the re-reader copies them: legal XML, and every removal counted.</summary>
public sealed class CharacterDataTests
{
    private static (string Output, RecoveryRepairs Repairs) Copy(Action<PooledText, RecoveryRepairs> append)
    {
        using var output = new PooledText(0);
        var repairs = new RecoveryRepairs();
        append(output, repairs);
        return (output.Span.ToString(), repairs);
    }

    [Theory]
    [InlineData(0x9, true)]
    [InlineData(0xA, true)]
    [InlineData(0xD, true)]
    [InlineData(0x0, false)]
    [InlineData(0x8, false)]
    [InlineData(0x1F, false)]
    [InlineData(0x20, true)]
    [InlineData(0xD7FF, true)]
    [InlineData(0xD800, false)]
    [InlineData(0xDFFF, false)]
    [InlineData(0xE000, true)]
    [InlineData(0xFFFD, true)]
    [InlineData(0xFFFE, false)]
    [InlineData(0xFFFF, false)]
    [InlineData(0x10000, true)]
    [InlineData(0x10FFFF, true)]
    [InlineData(0x110000, false)]
    public void Allows_exactly_the_characters_of_xml_1_0(int c, bool allowed)
    {
        Assert.Equal(allowed, CharacterData.IsAllowed(c));
    }

    [Theory]
    [InlineData("a &amp; &lt; &gt; &quot; &apos; b", "a &amp; &lt; &gt; &quot; &apos; b")]
    [InlineData("caf&#233; &#xE9; &#x10FFFF;", "caf&#233; &#xE9; &#x10FFFF;")]
    [InlineData("AT&T &nbsp; &#zz; &#x110000; &;", "AT&amp;T &amp;nbsp; &amp;#zz; &amp;#x110000; &amp;;")]
    [InlineData("a > b ]]> c ]> d", "a > b ]]&gt; c ]> d")]
    [InlineData("smile \uD83D\uDE00 end \uD83D\uDE00", "smile \uD83D\uDE00 end \uD83D\uDE00")]
    public void Text_keeps_what_xml_allows_and_escapes_the_rest(string text, string expected)
    {
        var (output, repairs) = Copy((o, r) => CharacterData.AppendText(o, text, r));

        Assert.Equal(expected, output);
        Assert.Equal(0, repairs.RemovedCharacters);
    }

    [Fact]
    public void Forbidden_characters_and_references_to_them_are_removed_and_counted()
    {
        var (output, repairs) = Copy((o, r) => CharacterData.AppendText(o, "a\u0001b\u0008c&#1;d&#xFFFE;e\uFFFF\uDE00f\uD83D", r));

        Assert.Equal("abcdef", output);
        Assert.Equal(7, repairs.RemovedCharacters);
    }

    [Fact]
    public void Attribute_values_escape_quotes_and_less_than()
    {
        var (output, repairs) = Copy((o, r) => CharacterData.AppendAttribute(o, "say \"hi\" to a<b & c >", r));

        Assert.Equal("say &quot;hi&quot; to a&lt;b &amp; c >", output);
        Assert.Equal(0, repairs.RemovedCharacters);
    }

    [Fact]
    public void Cdata_keeps_markup_and_loses_only_forbidden_characters()
    {
        var (output, repairs) = Copy((o, r) => CharacterData.AppendCData(o, "<b>a & \"b\"</b>\u0002", r));

        Assert.Equal("<b>a & \"b\"</b>", output);
        Assert.Equal(1, repairs.RemovedCharacters);
    }
}
