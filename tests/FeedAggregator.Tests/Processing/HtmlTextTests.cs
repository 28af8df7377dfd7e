using FeedAggregator.Processing;
using FeedAggregator.Tests.Publishing;

namespace FeedAggregator.Tests.Processing;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One Two")]
    [InlineData("un<b>usual</b> <i>words</i>", "unusual words")]
    [InlineData("Fish &amp; chips &lt;3 &quot;q&quot; &#8212; caf&eacute;", "Fish & chips <3 \"q\" — café")]
    [InlineData("<a href=\"x\" title=\"a > b\">link</a> after", "link after")]
    [InlineData("<p>a<!-- hidden <p>comment</p> -->b</p>", "a b")]
    [InlineData("line<br>break<br/>here", "line break here")]
    [InlineData("  spaced\n\n  out&nbsp;text  ", "spaced out text")]
    [InlineData("<style>p { color: red }</style><script>alert(1)</script>visible", "visible")]
    [InlineData("plain 3 < 4 and 5 > 2", "plain 3 < 4 and 5 > 2")]
    public void Strips_tags_and_decodes_entities(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void Arabic_summary_keeps_its_text()
    {
        var text = HtmlText.ToPlainText(PublishingSamples.Fixture("arabic-summary.html"));
        Assert.Equal("أعادت المكتبة العامة فتح أبوابها بعد ترميم دام عامين.", text);
    }

    [Theory]
    [InlineData("p")]
    [InlineData("br")]
    [InlineData("div")]
    [InlineData("li")]
    [InlineData("ul")]
    [InlineData("ol")]
    [InlineData("tr")]
    [InlineData("td")]
    [InlineData("th")]
    [InlineData("table")]
    [InlineData("blockquote")]
    [InlineData("h1")]
    [InlineData("h2")]
    [InlineData("h3")]
    [InlineData("h4")]
    [InlineData("h5")]
    [InlineData("h6")]
    [InlineData("hr")]
    [InlineData("pre")]
    [InlineData("figure")]
    [InlineData("figcaption")]
    [InlineData("section")]
    [InlineData("article")]
    [InlineData("header")]
    [InlineData("footer")]
    [InlineData("dd")]
    [InlineData("dt")]
    [InlineData("dl")]
    [InlineData("img")]
    [InlineData("DIV")]
    public void A_block_tag_separates_the_words_around_it(string tag) =>
        Assert.Equal("one two three", HtmlText.ToPlainText($"one<{tag}>two</{tag}>three"));

    [Theory]
    [InlineData("b")]
    [InlineData("i")]
    [InlineData("a")]
    [InlineData("span")]
    [InlineData("em")]
    public void An_inline_tag_does_not_split_a_word(string tag) =>
        Assert.Equal("unusual", HtmlText.ToPlainText($"un<{tag}>usu</{tag}>al"));

    [Theory]
    [InlineData("a  b  c", "a b c")]
    [InlineData("a\tb\n\nc d", "a b c d")]
    [InlineData("x\u00A0\u00A0y z\u2003w", "x y z w")]
    [InlineData("already one space each", "already one space each")]
    [InlineData("\n  edges only  \n", "edges only")]
    public void Every_run_of_whitespace_becomes_one_space(string text, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(text));

    [Theory]
    [InlineData("one two three four", 18, "one two three four")] // fits exactly: kept whole
    [InlineData("one two three four", 10, "one two…")] // cut at the last space before the limit
    [InlineData("abcde fghijk", 10, "abcde fghi…")] // that space is only halfway: cut mid-word instead
    [InlineData("abcdef ghijk", 10, "abcdef…")]
    [InlineData("averyveryverylongword", 10, "averyveryv…")]
    [InlineData("one two, three", 8, "one two…")] // no dangling comma
    [InlineData("  one \n two  ", 7, "one two")] // whitespace collapsed before measuring
    public void First_words_cut_at_a_word_boundary(string text, int maxLength, string expected) =>
        Assert.Equal(expected, HtmlText.FirstWords(text, maxLength));
}
