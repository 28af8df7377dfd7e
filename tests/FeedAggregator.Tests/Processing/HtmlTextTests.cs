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
}
