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
    [InlineData("Soup<script", "Soup")] // a script tag cut off at the very end
    [InlineData("Soup<style", "Soup")]
    [InlineData("<!-- a > b -->Soup", "Soup")] // a comment ends at "-->", not at the first ">"
    [InlineData("<script>var a = 1 > 0;</script>Soup", "Soup")]
    public void ToPlainText_strips_tags_and_decodes_entities(string html, string? expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("a < b & \"c\" 'd'", "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")]
    [InlineData("نص عربي", "نص عربي")]
    public void Escape_keeps_text_as_text(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Theory]
    [InlineData(" Soup ", "Soup")]
    [InlineData("Soup\nand\tbread", "Soup and bread")]
    [InlineData("\t Soup  and bread \r\n", "Soup and bread")]
    [InlineData("Soup\u00A0and bread", "Soup\u00A0and bread")] // a no-break space is content
    [InlineData(" \t\r\n", null)]
    public void CollapseWhitespace_makes_each_run_of_xml_whitespace_one_space_and_trims_the_ends(string text, string? expected) =>
        Assert.Equal(expected, HtmlText.CollapseWhitespace(text));

    [Theory]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("&", "&amp;")]
    public void Escape_escapes_a_markup_character_at_the_start(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));
}
