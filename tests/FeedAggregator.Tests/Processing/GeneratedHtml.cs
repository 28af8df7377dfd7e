using System.Text;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// Random feed HTML for the sanitizer's differential test, from a fixed seed: mostly well-formed
/// markup of allowed tags (the fast path's case) with the odd construct the fast path must hand
/// over (unknown tags, misnesting, unclosed elements, table parts out of place, odd references,
/// comments, hostile URLs and attributes).
/// </summary>
internal sealed class GeneratedHtml(int seed)
{
    private static readonly string[] Words =
    [
        "feed", "reader", "story", "the", "a", "news", "وكالة", "الأنباء", "مدينة", "café", "naïve", "東京", "AT&T", "Q&A",
        "3 < 4", "5 > 2", "\"quoted\"", "it's", "x&y", "&", "<", ">", "\u00A0", "  ", "\n", "\r\n", "\t", "R&D;",
    ];

    private static readonly string[] References =
    [
        "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#8217;", "&#x2014;", "&eacute;", "&copy;", "&hellip;",
        "&lang;", "&notin;", "&copy", "&amp", "&not", "&#39;", "&#0;", "&#x80;", "&#xD800;", "&#65", "&unknown;",
        "&NotEqualTilde;", "&#x1F600;", "&#160;", "&#10;", "&Aacute;", "&ampx;",
    ];

    private static readonly string[] Urls =
    [
        "/img/a.png", "a.png", "../up.html", "https://example.net/x?a=1&amp;b=2", "https://example.net/x?a=1&b=2",
        "//cdn.example.net/c.jpg", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:x", "mailto:a@example.org",
        "data:image/png;base64,AAAA", "vbscript:x", "http://example.org/p?copy=1&copy=2", "#frag", "?q=1", "",
        "https://www.youtube.com/embed/abc", "//player.vimeo.com/video/1", "https://evil.example/embed/x",
        "http://www.youtube.com/embed/x", "https://www.youtube.com@evil.net/embed/x", "&#106;avascript:alert(1)",
        "https://example.org/a b", "https://example.org/&{x}", "ftp://example.org/f", "https://例え.jp/パス",
    ];

    private static readonly string[] Inline = ["b", "i", "em", "strong", "code", "span", "small", "sub", "sup", "mark", "q", "abbr", "cite", "s", "u", "kbd", "var", "dfn", "time", "bdi", "del", "ins"];
    private static readonly string[] Block = ["p", "div", "blockquote", "figure", "details", "pre", "h1", "h2", "h3", "h4"];
    private static readonly string[] Foreign = ["font", "center", "section", "article", "span", "nobr", "marquee", "o:p", "custom-el", "form", "button", "textarea", "title"];
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "svg", "math", "select", "xmp"];

    private static readonly string[] OtherAttributes =
    [
        "class=\"x\"", "id=a", "style=\"color:red\"", "onclick=\"alert(1)\"", "data-x=\"1\"", "title=\"T &amp; t\"",
        "lang=ar", "dir=\"rtl\"", "TITLE='single'", "alt", "width=\"600\"", "height=\"1\"", "title=\"a&{b}\"",
        "title=\"&copy=2\"", "title=\"x&notit\"", "title=\"\r\nline\"", "Title=\"first\" title=\"second\"",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<string> Documents(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var html = new StringBuilder();
            var depth = _random.Next(1, 5);
            for (var blocks = _random.Next(1, 6); blocks > 0; blocks--)
                Node(html, depth);
            if (_random.Next(8) == 0)
                Perturb(html);
            yield return html.ToString();
        }
    }

    private void Node(StringBuilder html, int depth)
    {
        switch (depth <= 0 ? 0 : _random.Next(16))
        {
            case 0 or 1 or 2:
                Text(html);
                break;
            case 3:
                Element(html, Pick(Inline), depth, Attributes());
                break;
            case 4:
                Element(html, Pick(Block), depth, Attributes());
                break;
            case 5:
                Element(html, "a", depth, $"href=\"{Pick(Urls)}\" " + Attributes());
                break;
            case 6:
                Image(html);
                break;
            case 7:
                List(html, depth);
                break;
            case 8:
                Table(html, depth);
                break;
            case 9:
                html.Append($"<iframe src=\"{Pick(Urls)}\" width=\"560\" {Attributes()}>{(_random.Next(2) == 0 ? "fallback <b>x</b>" : "")}</iframe>");
                break;
            case 10:
                html.Append(_random.Next(4) switch
                {
                    0 => "<br>",
                    1 => "<br/>",
                    2 => "<hr>",
                    _ => "<wbr>",
                });
                break;
            case 11:
                html.Append(_random.Next(5) switch
                {
                    0 => "<!-- a comment -->",
                    1 => "<!--[if IE]><script>x()</script><![endif]-->",
                    2 => "<![CDATA[data]]>",
                    3 => "<?php echo 1 ?>",
                    _ => "<!---->",
                });
                break;
            case 12:
                Element(html, Pick(Foreign), depth, Attributes());
                break;
            case 13:
                Element(html, Pick(Dropped), 0, "");
                break;
            case 14:
                Media(html);
                break;
            default:
                html.Append(_random.Next(3) switch
                {
                    0 => "<dl><dt>term</dt><dd>definition</dd></dl>",
                    1 => "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
                    _ => "<picture><source srcset=\"/b.webp 1x, //cdn.example.net/c.webp 2x\" type=\"image/webp\"><img src=\"a.png\" alt=\"\"></picture>",
                });
                break;
        }
    }

    private void Element(StringBuilder html, string tag, int depth, string attributes)
    {
        html.Append('<').Append(_random.Next(10) == 0 ? tag.ToUpperInvariant() : tag);
        if (attributes.Length > 0)
            html.Append(' ').Append(attributes);
        html.Append('>');
        if (tag == "pre" && _random.Next(2) == 0)
            html.Append('\n');
        for (var children = _random.Next(0, 4); children > 0; children--)
            Node(html, depth - 1);
        if (_random.Next(20) != 0)
            html.Append("</").Append(tag).Append('>');
    }

    private string Attributes()
    {
        var count = _random.Next(4) == 0 ? _random.Next(1, 4) : 0;
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(OtherAttributes)));
    }

    private void Text(StringBuilder html)
    {
        for (var n = _random.Next(1, 8); n > 0; n--)
        {
            html.Append(_random.Next(6) == 0 ? Pick(References) : Pick(Words));
            html.Append(_random.Next(3) == 0 ? "" : " ");
        }
    }

    private void Image(StringBuilder html)
    {
        var attributes = _random.Next(6) switch
        {
            0 => "width=\"1\" height=\"1\"",
            1 => "style=\"width:1px;height:1px\"",
            2 => $"srcset=\"{Pick(Urls)} 1x, {Pick(Urls)} 2x\" sizes=\"50vw\"",
            3 => "width=\"600\" height=\"400\" alt=\"A &quot;photo&quot;\"",
            4 => "onerror=\"alert(1)\" style=\"border:0\"",
            _ => "",
        };
        html.Append($"<img src=\"{Pick(Urls)}\" {attributes}>");
    }

    private void List(StringBuilder html, int depth)
    {
        var tag = _random.Next(2) == 0 ? "ul" : "ol";
        html.Append('<').Append(tag).Append('>');
        for (var items = _random.Next(1, 4); items > 0; items--)
        {
            html.Append(_random.Next(3) == 0 ? "\n  " : "").Append("<li>");
            Node(html, depth - 1);
            if (_random.Next(10) != 0)
                html.Append("</li>");
        }

        html.Append("</").Append(tag).Append('>');
    }

    private void Table(StringBuilder html, int depth)
    {
        html.Append("<table>");
        if (_random.Next(3) == 0)
            html.Append("<caption>Caption ").Append(Pick(Words)).Append("</caption>");
        if (_random.Next(4) == 0)
            html.Append("<colgroup><col span=\"2\"><col></colgroup>");
        var sections = _random.Next(5) == 0 ? new[] { "" } : new[] { "thead", "tbody" };
        foreach (var section in sections)
        {
            if (section.Length > 0)
                html.Append('<').Append(section).Append('>');
            for (var rows = _random.Next(1, 3); rows > 0; rows--)
            {
                html.Append("\n<tr>");
                for (var cells = _random.Next(1, 3); cells > 0; cells--)
                {
                    var cell = section == "thead" ? "th" : "td";
                    html.Append('<').Append(cell).Append(_random.Next(4) == 0 ? " colspan=\"2\"" : "").Append('>');
                    Node(html, depth - 1);
                    html.Append("</").Append(cell).Append('>');
                }

                html.Append("</tr>");
            }

            if (section.Length > 0)
                html.Append("</").Append(section).Append('>');
        }

        if (_random.Next(10) == 0)
            html.Append("stray text");
        html.Append("</table>");
    }

    private void Media(StringBuilder html)
    {
        var tag = _random.Next(2) == 0 ? "video" : "audio";
        html.Append($"<{tag} controls poster=\"{Pick(Urls)}\"><source src=\"{Pick(Urls)}\" type=\"video/mp4\"><track kind=\"captions\" src=\"{Pick(Urls)}\" srclang=\"en\">Fallback text</{tag}>");
    }

    /// <summary>One of the breakages feeds really send: a cut-off end, a stray end tag, a nested paragraph, a NUL.</summary>
    private void Perturb(StringBuilder html)
    {
        switch (_random.Next(6))
        {
            case 0:
                html.Length = _random.Next(html.Length);
                break;
            case 1:
                html.Insert(_random.Next(html.Length), "</div>");
                break;
            case 2:
                html.Insert(0, "<p>unclosed <p>nested ");
                break;
            case 3:
                html.Insert(_random.Next(html.Length), "\0\u000C");
                break;
            case 4:
                html.Insert(0, "<!DOCTYPE html><html><head><title>T</title></head><body>").Append("</body></html>");
                break;
            default:
                html.Insert(_random.Next(html.Length), "<b><i>misnested</b></i>");
                break;
        }
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
