using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class ContentSanitizerTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/post/");

    [Theory]
    [InlineData("<p>Hi<script>alert(1)</script></p>", "alert")]
    [InlineData("<p onclick=\"steal()\">Hi</p>", "onclick")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<a href=\"vbscript:msgbox\">x</a>", "vbscript:")]
    [InlineData("<p style=\"background:url(javascript:x)\">Hi</p>", "style")]
    [InlineData("<style>p{color:red}</style><p>Hi</p>", "color")]
    [InlineData("<form action=\"/x\"><input name=a></form><p>Hi</p>", "<form")]
    [InlineData("<object data=\"x.swf\"></object><p>Hi</p>", "<object")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe><p>Hi</p>", "<iframe")]
    [InlineData("<!-- <script>x</script> --><p>Hi</p>", "<!--")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "onerror")]
    public void Active_content_never_survives(string html, string forbidden)
    {
        var clean = Sanitizer.Sanitize(html, Base) ?? "";
        Assert.DoesNotContain(forbidden, clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reading_structure_is_kept_and_relative_urls_made_absolute()
    {
        var clean = Sanitizer.Sanitize(
            "<h2>Title</h2><p>Text <a href=\"../other\">link</a> and <img src=\"/img/a.png\" srcset=\"a.png 1x, b.png 2x\" alt=\"A\"></p><ul><li>one</li></ul><pre><code>x &lt; y</code></pre>",
            Base)!;

        Assert.Contains("<h2>Title</h2>", clean);
        Assert.Contains("href=\"https://example.org/blog/other\"", clean);
        Assert.Contains("rel=\"noopener noreferrer\"", clean);
        Assert.Contains("src=\"https://example.org/img/a.png\"", clean);
        Assert.Contains("srcset=", clean);
        Assert.Contains("<li>one</li>", clean);
        Assert.Contains("<code>x &lt; y</code>", clean);
    }

    [Fact]
    public void Tracking_pixels_are_dropped_and_unknown_wrappers_keep_their_text()
    {
        var clean = Sanitizer.Sanitize("<font color=red>Kept text</font><img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">", Base)!;
        Assert.Contains("Kept text", clean);
        Assert.DoesNotContain("<img", clean);
        Assert.DoesNotContain("<font", clean);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>only()</script>")]
    public void Nothing_readable_is_null(string? html) => Assert.Null(Sanitizer.Sanitize(html, Base));
}
