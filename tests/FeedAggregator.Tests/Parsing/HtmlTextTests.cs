using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Tests.Parsing;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("Plain title", "Plain title")]
    [InlineData("  spaced \n\t out  ", "spaced out")]
    [InlineData("<b>Bold</b> &amp; <i>brave</i>", "Bold & brave")]
    [InlineData("Tom &amp;amp; Jerry", "Tom &amp; Jerry")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("x<!-- hidden -->y", "xy")]
    [InlineData("&#8220;Quoted&#8221;", "\u201CQuoted\u201D")]
    [InlineData("<p></p>", null)]
    [InlineData("unclosed <span", "unclosed")]
    public void ToPlainText_strips_tags_and_decodes_entities(string html, string? expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("a < b & \"c\" 'd'", "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")]
    [InlineData("نص عربي", "نص عربي")]
    public void Escape_keeps_text_as_text(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));
}
