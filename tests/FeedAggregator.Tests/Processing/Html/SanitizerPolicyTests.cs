using System.Text.RegularExpressions;
using FeedAggregator.Processing;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>
/// The allow-list itself, on both paths: every tag and attribute it names is kept, its URL
/// attributes are resolved, and what it drops with its content leaves no text behind. Each test
/// builds its own sanitizer, so the slow path's configuration is built (and checked) in the test.
/// </summary>
public sealed class SanitizerPolicyTests
{
    private static readonly Uri Base = new("https://example.org/blog/post/");

    public static TheoryData<string> Tags => [.. SanitizerPolicy.Tags];

    public static TheoryData<string> Attributes => [.. SanitizerPolicy.Attributes];

    [Fact]
    public void The_allow_list_names_the_reading_tags()
    {
        string[] expected =
        [
            "a", "abbr", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
            "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp",
            "rt", "ruby", "s", "samp", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody",
            "td", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
        ];
        Assert.Equal(expected, SanitizerPolicy.Tags);
    }

    [Theory]
    [MemberData(nameof(Tags))]
    public void Every_allowed_tag_is_kept_by_both_paths(string tag)
    {
        var sanitizer = new ContentSanitizer();
        var html = InContext(tag);
        var kept = new Regex($"<{tag}[ >]");

        Assert.Matches(kept, sanitizer.Sanitize(html, Base));
        Assert.Matches(kept, sanitizer.SanitizeWithoutFastPath(html, Base));
    }

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Every_allowed_attribute_is_kept_by_both_paths(string attribute)
    {
        var sanitizer = new ContentSanitizer();
        var html = $"<span {attribute}=\"https://example.net/v\">x</span>";
        var expected = $"<span {attribute}=\"https://example.net/v\">x</span>";

        Assert.Equal(expected, sanitizer.Sanitize(html, Base));
        Assert.Equal(expected, sanitizer.SanitizeWithoutFastPath(html, Base));
    }

    [Theory]
    [InlineData("<a href=\"../other\">x</a>", "href=\"https://example.org/blog/other\"")]
    [InlineData("<img src=\"a.png\">", "src=\"https://example.org/blog/post/a.png\"")]
    [InlineData("<video poster=\"/p.png\"></video>", "poster=\"https://example.org/p.png\"")]
    [InlineData("<blockquote cite=\"c.html\">x</blockquote>", "cite=\"https://example.org/blog/post/c.html\"")]
    [InlineData("<q cite=\"javascript:alert(1)\">x</q>", "<q>x</q>")]
    [InlineData("<video poster=\"javascript:alert(1)\"></video>", "<video></video>")]
    public void Url_attributes_are_resolved_and_screened_by_both_paths(string html, string expected)
    {
        var sanitizer = new ContentSanitizer();
        Assert.Contains(expected, sanitizer.Sanitize(html, Base));
        Assert.Contains(expected, sanitizer.SanitizeWithoutFastPath(html, Base));
    }

    [Theory]
    [InlineData("<script>secret()</script>")]
    [InlineData("<style>secret{}</style>")]
    [InlineData("<noscript>secret</noscript>")]
    [InlineData("<textarea>secret</textarea>")]
    [InlineData("<select><option>secret</option></select>")]
    [InlineData("<button>secret</button>")]
    [InlineData("<title>secret</title>")]
    [InlineData("<svg><text>secret</text></svg>")]
    [InlineData("<math><mi>secret</mi></math>")]
    [InlineData("<noframes>secret</noframes>")]
    [InlineData("<noembed>secret</noembed>")]
    [InlineData("<xmp>secret</xmp>")]
    [InlineData("<plaintext>secret")]
    [InlineData("<template>secret</template>")]
    public void Code_styles_and_controls_go_with_their_content(string dropped)
    {
        var clean = new ContentSanitizer().Sanitize("<p>kept</p>" + dropped + "<p>after</p>", Base);
        Assert.DoesNotContain("secret", clean, StringComparison.Ordinal);
        Assert.StartsWith("<p>kept</p>", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_wrappers_keep_their_text_on_the_slow_path()
    {
        var clean = new ContentSanitizer().SanitizeWithoutFastPath("<font color=red>Kept <center>text</center></font>", Base);
        Assert.Equal("Kept text", clean);
    }

    [Fact]
    public void A_no_break_space_in_an_attribute_is_written_as_a_named_reference()
    {
        var sanitizer = new ContentSanitizer();
        const string html = "<p title=\"a&nbsp;b\">x&nbsp;y</p>";
        Assert.Equal(html, sanitizer.Sanitize(html, Base));
        Assert.Equal(html, sanitizer.SanitizeWithoutFastPath(html, Base));
    }

    /// <summary>The tag where the tree builder keeps it: table parts in a table, items in a list, sources in media.</summary>
    private static string InContext(string tag) => tag switch
    {
        "caption" => "<table><caption>c</caption></table>",
        "colgroup" or "col" => "<table><colgroup><col span=\"2\"></colgroup></table>",
        "thead" or "tbody" or "tfoot" => $"<table><{tag}><tr><td>x</td></tr></{tag}></table>",
        "tr" or "td" => "<table><tbody><tr><td>x</td></tr></tbody></table>",
        "th" => "<table><tbody><tr><th>x</th></tr></tbody></table>",
        "li" => "<ul><li>x</li></ul>",
        "dd" or "dt" => "<dl><dt>t</dt><dd>d</dd></dl>",
        "rt" or "rp" => "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
        "source" => "<video><source src=\"v.mp4\" type=\"video/mp4\"></video>",
        "track" => "<video><track src=\"v.vtt\" kind=\"captions\"></video>",
        "img" => "<img src=\"a.png\" alt=\"A\">",
        "br" or "hr" or "wbr" => $"a<{tag}>b",
        "iframe" => "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>",
        _ => $"<{tag}>x</{tag}>",
    };
}
