using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class ContentSanitizerEmbedTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/post/");

    [Fact]
    public void An_allowed_player_keeps_its_size_and_title_and_gets_our_sandbox()
    {
        var clean = Sanitizer.Sanitize(
            "<p>Watch:</p><iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\" height=\"315\" title=\"Talk\" "
            + "allowfullscreen frameborder=\"0\" allow=\"camera; microphone\" sandbox=\"allow-top-navigation\" "
            + "srcdoc=\"&lt;script&gt;x()&lt;/script&gt;\" onload=\"x()\" style=\"border:0\" class=\"v\" id=\"v\" lang=\"en\">fallback</iframe>",
            Base)!;

        var iframe = Single(clean, "iframe");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["src"] = "https://www.youtube.com/embed/abc",
                ["width"] = "560",
                ["height"] = "315",
                ["title"] = "Talk",
                ["allowfullscreen"] = "",
                ["sandbox"] = "allow-scripts allow-same-origin allow-popups allow-presentation",
                ["referrerpolicy"] = "strict-origin-when-cross-origin",
                ["loading"] = "lazy",
            },
            iframe.Attributes.ToDictionary(a => a.Name, a => a.Value));
        Assert.Equal("", iframe.TextContent);
        Assert.Contains("<p>Watch:</p>", clean);
    }

    [Fact]
    public void A_protocol_relative_player_is_made_https_even_under_an_http_base()
    {
        var clean = Sanitizer.Sanitize("<iframe src=\"//player.vimeo.com/video/1\"></iframe>", new Uri("http://example.org/"))!;
        Assert.Equal("https://player.vimeo.com/video/1", Single(clean, "iframe").GetAttribute("src"));
    }

    [Fact]
    public void A_relative_src_resolves_against_the_base_before_the_check()
    {
        Assert.Null(Sanitizer.Sanitize("<iframe src=\"/embed/abc\"></iframe>", Base));
        var clean = Sanitizer.Sanitize("<iframe src=\"/embed/abc\"></iframe>", new Uri("https://www.youtube.com/feeds/videos.xml"))!;
        Assert.Equal("https://www.youtube.com/embed/abc", Single(clean, "iframe").GetAttribute("src"));
    }

    [Theory]
    [InlineData("<iframe src=\"https://evil.example/\">secret <b>text</b></iframe><p>Hi</p>")]
    [InlineData("<iframe src=\"https://youtube.com.evil.net/embed/x\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe src=\"https://evil.net/www.youtube.com/embed/x\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe src=\"https://www.youtube.com@evil.net/embed/x\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe src=\"http://www.youtube.com/embed/x\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe src=\"javascript:alert(1)\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">secret</iframe><p>Hi</p>")]
    [InlineData("<iframe>secret</iframe><p>Hi</p>")]
    [InlineData("<div><font><iframe src=\"https://framatube.org/videos/embed/x\">secret</iframe></font></div><p>Hi</p>")]
    public void A_rejected_iframe_goes_with_its_content(string html)
    {
        var clean = Sanitizer.Sanitize(html, Base)!;
        Assert.DoesNotContain("iframe", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", clean, StringComparison.Ordinal);
        Assert.Contains("<p>Hi</p>", clean);
    }

    private static IElement Single(string html, string tag)
    {
        var document = new HtmlParser().ParseDocument(html);
        return Assert.Single(document.QuerySelectorAll(tag));
    }
}
