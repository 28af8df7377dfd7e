using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>What the allow-list must remove, case by case (issue 3, item 6).</summary>
public sealed class ContentSanitizerRemovalTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/post/");

    [Theory]
    [InlineData("<img src=\"a.png\" srcset=\"a.png 1x, javascript:alert(1) 2x\">")]
    [InlineData("<img src=\"a.png\" srcset=\"JavaScript:alert(1) 1x\">")]
    [InlineData("<img src=\"a.png\" srcset=\"a.png 1x, vbscript:msgbox 2x\">")]
    [InlineData("<img src=\"a.png\" srcset=\"data:image/png;base64,AAAA 1x\">")]
    [InlineData("<img src=\"a.png\" srcset=\"a.png 1x, mailto:a@example.org 2x\">")]
    [InlineData("<picture><source srcset=\"b.webp 1x, javascript:alert(1) 2x\" type=\"image/webp\"><img src=\"a.png\"></picture>")]
    public void A_srcset_with_a_non_web_candidate_is_dropped_whole(string html)
    {
        var clean = Sanitizer.Sanitize(html, Base)!;
        Assert.DoesNotContain("srcset", clean, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.org/blog/post/a.png\"", clean);
    }

    [Fact]
    public void A_web_srcset_keeps_every_candidate_resolved()
    {
        var clean = Sanitizer.Sanitize(
            "<picture><source srcset=\"/b.webp 1x, //cdn.example.net/c.webp 2x\"><img src=\"a.png\" srcset=\"a.png 480w, https://cdn.example.net/a-big.png 960w\" sizes=\"50vw\"></picture>",
            Base)!;
        Assert.Contains("srcset=\"https://example.org/b.webp 1x, https://cdn.example.net/c.webp 2x\"", clean);
        Assert.Contains("srcset=\"https://example.org/blog/post/a.png 480w, https://cdn.example.net/a-big.png 960w\"", clean);
    }

    [Theory]
    [InlineData("<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" width=\"0\" height=\"0\" alt=\"\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" style=\"width:1px;height:1px\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" style=\"WIDTH: 1PX ; Height : 0 !important;border:0\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" width=\"1\" style=\"height:1px\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" width=\"600\" height=\"400\" style=\"width:1px;height:1px\">")]
    public void Tracking_pixels_are_dropped_whichever_way_their_size_is_given(string html)
    {
        var clean = Sanitizer.Sanitize("<p>Text</p>" + html, Base)!;
        Assert.Equal("<p>Text</p>", clean);
    }

    [Theory]
    [InlineData("<img src=\"https://example.org/a.png\" width=\"1\" height=\"300\">")]
    [InlineData("<img src=\"https://example.org/a.png\" style=\"width:1px\">")]
    [InlineData("<img src=\"https://example.org/a.png\" width=\"1\" height=\"1\" style=\"width:100px;height:10px\">")]
    [InlineData("<img src=\"https://example.org/a.png\" style=\"width:10px;height:1px\">")]
    public void Small_but_real_images_stay_and_their_style_does_not(string html)
    {
        var clean = Sanitizer.Sanitize(html, Base)!;
        Assert.Contains("<img src=\"https://example.org/a.png\"", clean);
        Assert.DoesNotContain("style", clean, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript")]
    [InlineData("<a href=\"VBScript:msgbox(1)\">x</a>", "vbscript")]
    [InlineData("<a href=\" java&#x09;script:alert(1)\">x</a>", "script")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "data:")]
    [InlineData("<img src=\"vbscript:msgbox(1)\" alt=\"x\">", "vbscript")]
    [InlineData("<video src=\"javascript:alert(1)\" poster=\"data:image/png;base64,AAAA\" controls></video>", "src")]
    [InlineData("<video controls><source src=\"vbscript:x\" type=\"video/mp4\"></video>", "vbscript")]
    [InlineData("<audio controls src=\"data:audio/mp3;base64,AAAA\"></audio>", "data:")]
    public void Script_and_data_urls_are_removed_from_href_and_src(string html, string forbidden)
    {
        var clean = Sanitizer.Sanitize(html, Base) ?? "";
        Assert.DoesNotContain(forbidden, clean, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_data_image_is_removed_too()
    {
        // Inline images are removed by default: a data: URL can carry SVG with script, and a
        // reader of feeds loses little (feeds almost always link their images).
        var clean = Sanitizer.Sanitize("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">", Base) ?? "";
        Assert.DoesNotContain("data:", clean, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!-- plain comment --><p>Hi</p>")]
    [InlineData("<!--[if IE]><script>alert(1)</script><![endif]--><p>Hi</p>")]
    [InlineData("<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><p>Hi</p>")]
    [InlineData("<![if !IE]><p>Hi</p><![endif]>")]
    [InlineData("<p>Hi<!-- a comment inside --></p>")]
    public void Comments_are_removed_including_conditional_comments(string html)
    {
        var clean = Sanitizer.Sanitize(html, Base)!;
        Assert.Equal("<p>Hi</p>", clean);
    }

    [Theory]
    [InlineData("<form action=\"https://evil.example/\" method=\"post\"><input name=\"a\" value=\"secret\"><button>Send</button></form>")]
    [InlineData("<input type=\"text\" value=\"secret\"><input type=\"hidden\" name=\"h\" value=\"secret\">")]
    [InlineData("<textarea>secret</textarea><select><option>secret</option></select>")]
    [InlineData("<embed src=\"movie.swf\" type=\"application/x-shockwave-flash\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/s.css\">")]
    [InlineData("<base href=\"https://evil.example/\">")]
    public void Forms_inputs_objects_and_document_metadata_are_removed(string html)
    {
        var clean = Sanitizer.Sanitize(html + "<p>Hi</p>", Base)!;
        Assert.Equal("<p>Hi</p>", clean);
    }

    [Theory]
    [InlineData("<object data=\"movie.swf\" type=\"application/x-shockwave-flash\"><param name=\"movie\" value=\"movie.swf\">Watch <b>here</b></object>")]
    [InlineData("<applet code=\"Evil.class\">Watch <b>here</b></applet>")]
    public void Objects_are_removed_and_their_fallback_content_kept(string html)
    {
        // What an object or applet holds is what a browser shows without the plugin: the reader's case.
        var clean = Sanitizer.Sanitize(html + "<p>Hi</p>", Base)!;
        Assert.Equal("Watch <b>here</b><p>Hi</p>", clean);
    }
}
