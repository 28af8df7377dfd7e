using AngleSharp.Dom;
using Ganss.Xss;

namespace FeedAggregator.Processing;

/// <summary>
/// The last step of processing: HTML from a feed reduced to what a reader needs. Anything else
/// (script, style, event handlers, forms, objects, comments, javascript: URLs) is removed.
/// Relative URLs are made absolute against the entry's base. Thread-safe once built.
/// </summary>
public sealed class ContentSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt",
        "ruby", "s", "samp", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "abbr", "alt", "cite", "colspan", "controls", "datetime", "dir", "height", "href", "hreflang", "kind",
        "label", "lang", "loop", "media", "muted", "poster", "reversed", "rowspan", "scope", "sizes", "span",
        "src", "srclang", "srcset", "start", "title", "type", "width",
    ];

    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "textarea", "select",
        "button", "title", "head", "svg", "math", "frameset", "frame", "noframes", "noembed", "xmp", "plaintext",
    };

    private readonly HtmlSanitizer _sanitizer;

    public ContentSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "poster", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            // An unknown wrapper (<font>, <center>) keeps its text; script and style never do.
            KeepChildNodes = true,
        };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // KeepChildNodes must not turn a script's code or a style sheet into visible text.
            if (DroppedWithContent.Contains(e.Tag.LocalName))
                e.Tag.TextContent = "";
        };
        _sanitizer.PostProcessNode += (_, e) => PostProcess(e.Node);
    }

    /// <summary>Sanitized HTML, or null when nothing readable is left.</summary>
    public string? Sanitize(string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        var clean = _sanitizer.Sanitize(html, baseUrl?.AbsoluteUri ?? "").Trim();
        return clean.Length == 0 ? null : clean;
    }

    private static void PostProcess(INode node)
    {
        if (node is not IElement element)
            return;
        switch (element.LocalName)
        {
            case "a":
                // Links leave the reader: no window.opener, no referrer leak.
                element.SetAttribute("rel", "noopener noreferrer");
                break;
            case "img" when IsTrackingPixel(element):
                element.Remove();
                break;
        }
    }

    private static bool IsTrackingPixel(IElement image) =>
        image.GetAttribute("width")?.Trim() is "0" or "1" && image.GetAttribute("height")?.Trim() is "0" or "1";
}
