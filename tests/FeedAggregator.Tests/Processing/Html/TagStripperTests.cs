using System.Text;
using System.Text.RegularExpressions;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>
/// The linear scans of HtmlText keep the rules of the regular expressions they replaced: those
/// expressions are the reference here, on hand-picked cases and on random markup-like text.
/// </summary>
public sealed partial class TagStripperTests
{
    [Theory]
    [InlineData("a<!-- x -->b", "a b")]
    [InlineData("a<!-- x", "a<!-- x")]
    [InlineData("a<![CDATA[ <p>x</p> ]]>b", "a b")]
    [InlineData("a<![CDATA[ x", "a<![CDATA[ x")]
    [InlineData("a<script>x</script >b", "a b")]
    [InlineData("a<SCRIPT type=x>x</Script\n>b", "a b")]
    [InlineData("a<style>x</style>b<template>y</template>c", "a b c")]
    [InlineData("a<scripts>x</scripts>b", "a<scripts>x</scripts>b")] // not a script element
    [InlineData("a<script_x>x</script>b", "a<script_x>x</script>b")]
    [InlineData("a<script\u0301>x</script>b", "a<script\u0301>x</script>b")] // a combining mark is a word character
    [InlineData("a<script-x>x</script>b", "a b")]
    [InlineData("a<script>x</scriptx></script>b", "a b")]
    [InlineData("a<script>x</script b", "a<script>x</script b")]
    [InlineData("a<script>x</script", "a<script>x</script")]
    [InlineData("a<script", "a<script")]
    [InlineData("<script>1</script><script>2", " <script>2")]
    [InlineData("<!--1--><!--2", " <!--2")]
    [InlineData("<!--1-->", " ")]
    public void Invisible_parts_become_a_space(string html, string expected)
    {
        Assert.Equal(expected, TagStripper.RemoveInvisible(html));
        Assert.Equal(Invisible().Replace(html, " "), TagStripper.RemoveInvisible(html));
    }

    [Fact]
    public void Text_without_invisible_parts_is_returned_as_it_is()
    {
        const string html = "<p>plain <b>text</b></p>";
        Assert.Same(html, TagStripper.RemoveInvisible(html));
    }

    [Theory]
    [InlineData("un<b>usual</b>", "unusual")]
    [InlineData("one<p>two</P>three", "one two three")]
    [InlineData("a<br/>b<img src=x>c", "a b c")]
    [InlineData("a<a title=\"x > y\">b</a>", "ab")]
    [InlineData("a<a title='x > y' alt=\"'\">b</a>", "ab")]
    [InlineData("a<a title=\"never closed>b", "a<a title=\"never closed>b")]
    [InlineData("a<a title='never closed>b", "a<a title='never closed>b")]
    [InlineData("a<a \" <b>c", "a<a \" c")]
    [InlineData("a<!doctype html>b<?xml x?>c", "abc")]
    [InlineData("a<!b", "a<!b")]
    [InlineData("a<?b", "a<?b")]
    [InlineData("3 < 4 and 5 > 2", "3 < 4 and 5 > 2")]
    [InlineData("a</", "a</")]
    [InlineData("a<", "a<")]
    [InlineData("a<1>b", "a<1>b")]
    [InlineData("a<b", "a<b")]
    [InlineData("a<custom-el x>b</custom-el>c", "abc")]
    [InlineData("<p>", " ")]
    public void Tags_are_removed_and_block_tags_leave_a_space(string html, string expected)
    {
        Assert.Equal(expected, TagStripper.RemoveTags(html, IsBlock));
        Assert.Equal(ReferenceTags(html), TagStripper.RemoveTags(html, IsBlock));
    }

    [Fact]
    public void Random_markup_is_stripped_as_the_regular_expressions_strip_it()
    {
        string[] pieces =
        [
            "<", ">", "</", "\"", "'", " ", "\n", "a", "b", "p", "x1", "-", "_", "é", "\u0301", "!", "?", "=",
            "<p>", "<b>", "</p>", "<br/>", "<!--", "-->", "<![CDATA[", "]]>", "<script", "</script", "script",
            "<STYLE", "</style>", "<template>", "</template >", "<scripts", "<a href=\"", "title='", "<!x", "<?y",
        ];
        var random = new Random(1708);
        for (var n = 0; n < 4000; n++)
        {
            var html = new StringBuilder();
            for (var count = random.Next(1, 24); count > 0; count--)
                html.Append(pieces[random.Next(pieces.Length)]);
            var text = html.ToString();

            Assert.Equal(Invisible().Replace(text, " "), TagStripper.RemoveInvisible(text));
            Assert.Equal(ReferenceTags(text), TagStripper.RemoveTags(text, IsBlock));
        }
    }

    private static bool IsBlock(ReadOnlySpan<char> name) =>
        name.Equals("p", StringComparison.OrdinalIgnoreCase) || name.Equals("br", StringComparison.Ordinal) || name.Equals("img", StringComparison.Ordinal);

    private static string ReferenceTags(string html) =>
        Tag().Replace(html, match => IsBlock(match.Groups["name"].Value) ? " " : "");

    // The expressions HtmlText used before its scans were made linear (commit ef17473).
    [GeneratedRegex(@"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(script|style|template)\b.*?</\1\s*>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9-]*)(?:[^>""']|""[^""]*""|'[^']*')*>|<![^>]*>|<\?[^>]*>",
        RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
