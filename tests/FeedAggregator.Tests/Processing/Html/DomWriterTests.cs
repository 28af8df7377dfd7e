using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>The slow path's writer, on DOMs the sanitizer has not cleaned: it writes what AngleSharp's formatter writes.</summary>
public sealed class DomWriterTests
{
    [Theory]
    [InlineData("<p>a<!-- note -->b</p>")]
    [InlineData("<pre>\n\nx</pre>")]
    [InlineData("<textarea>\n\nx</textarea>")]
    [InlineData("<listing>\n\nx</listing>")]
    [InlineData("<pre>x\n</pre><textarea>y</textarea>")]
    [InlineData("<script>if (a < b) {}</script><p title=\"a&amp;b\">x &lt; y&nbsp;</p><br>")]
    public void Writes_what_the_formatter_writes(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
        Assert.Equal(document.Body!.ChildNodes.ToHtml(HtmlMarkupFormatter.Instance), DomWriter.WriteChildren(document.Body));
    }
}
