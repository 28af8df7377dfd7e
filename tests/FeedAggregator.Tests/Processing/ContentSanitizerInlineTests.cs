using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>SanitizeInline: a title the feed declares as HTML, as `feedagg parse --json` reports it.</summary>
public sealed class ContentSanitizerInlineTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/");

    [Fact]
    public void Markup_in_an_html_title_is_kept()
    {
        // <title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title> reaches us as this text.
        Assert.Equal("Example <b>Atom</b>", Sanitizer.SanitizeInline("Example <b>Atom</b>", Base));
    }

    [Fact]
    public void Void_elements_are_written_xhtml_style_and_handlers_removed()
    {
        Assert.Equal(
            "<img src=\"http://x/a.jpg\" />",
            Sanitizer.SanitizeInline("<img src=\"http://x/a.jpg\" onabort=\"alert(1)\">", Base));
    }

    [Fact]
    public void Escaped_text_stays_escaped()
    {
        // <title type="html">History of the &amp;lt;blink&amp;gt; tag</title>: the words, not a tag.
        Assert.Equal(
            "History of the &lt;blink&gt; tag",
            Sanitizer.SanitizeInline("History of the &lt;blink&gt; tag", Base));
    }

    [Fact]
    public void Links_are_resolved_but_not_given_rel()
    {
        Assert.Equal(
            "See <a href=\"https://example.org/other\">this</a>",
            Sanitizer.SanitizeInline("See <a href=\"/other\" onclick=\"x()\">this</a>", Base));
    }

    [Theory]
    [InlineData("A<script>alert(1)</script>", "A")]
    [InlineData("A<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">", "A")]
    [InlineData("A<img src=\"https://t.example/p.gif\" style=\"width:1px;height:1px\">", "A")]
    [InlineData("A<br>B", "A<br />B")]
    [InlineData("<a href=\"javascript:alert(1)\">A</a>", "<a>A</a>")]
    [InlineData("A<!-- note -->", "A")]
    [InlineData("Fish &amp; Chips", "Fish &amp; Chips")]
    public void The_same_rules_apply(string html, string expected) =>
        Assert.Equal(expected, Sanitizer.SanitizeInline(html, Base));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("<script>only()</script>")]
    public void Nothing_readable_is_null(string? html) => Assert.Null(Sanitizer.SanitizeInline(html, Base));

    [Fact]
    public void The_body_sanitizer_still_writes_html_and_marks_links()
    {
        Assert.Equal(
            "<p><img src=\"http://x/a.jpg\"><a href=\"http://x/\" rel=\"noopener noreferrer\">x</a></p>",
            Sanitizer.Sanitize("<p><img src=\"http://x/a.jpg\" onabort=\"x\"><a href=\"http://x/\">x</a></p>", Base));
    }
}
