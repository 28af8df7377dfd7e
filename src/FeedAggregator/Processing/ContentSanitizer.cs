using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Xhtml;
using Ganss.Xss;

namespace FeedAggregator.Processing;

/// <summary>
/// The last step of processing: HTML from a feed reduced to what a reader needs. Anything else
/// (script, style, event handlers, forms, objects, comments, javascript: and data: URLs, tracking
/// pixels, iframes other than the players of <see cref="EmbedAllowList"/>) is removed. Relative
/// URLs are made absolute against the entry's base. Thread-safe once built.
/// </summary>
public sealed class ContentSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "abbr", "allowfullscreen", "alt", "cite", "colspan", "controls", "datetime", "dir", "height", "href",
        "hreflang", "kind", "label", "lang", "loop", "media", "muted", "poster", "reversed", "rowspan", "scope",
        "sizes", "span", "src", "srclang", "srcset", "start", "title", "type", "width",
    ];

    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not object or applet: what they hold is the fallback a browser shows without the plugin.
        "script", "style", "noscript", "template", "embed", "textarea", "select",
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
            // Each srcset candidate is screened and resolved on its own.
            UriListAttributes = new HashSet<string>(["srcset"], StringComparer.OrdinalIgnoreCase),
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
    }

    /// <summary>Sanitized HTML for an article's body, or null when nothing readable is left.</summary>
    public string? Sanitize(string? html, Uri? baseUrl) =>
        Run(html, baseUrl, _sanitizer.OutputFormatter, markLinks: true);

    /// <summary>
    /// The same rules for a short inline value (a title the feed declares as HTML), written in
    /// XHTML style (<c>&lt;img src="..." /&gt;</c>) and with links left as the feed gave them.
    /// </summary>
    public string? SanitizeInline(string? html, Uri? baseUrl) =>
        Run(html, baseUrl, XhtmlMarkupFormatter.Instance, markLinks: false);

    private string? Run(string? html, Uri? baseUrl, IMarkupFormatter formatter, bool markLinks)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        // Parsed here, as HtmlSanitizer.Sanitize would, so the feed's own markup can be read before the allow-list strips it.
        using var document = _sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body>" + html);
        if (document.Body is not { } body)
            return null;
        BeforeAllowList(body);
        _sanitizer.SanitizeDom(document, body, baseUrl?.AbsoluteUri ?? "");
        AfterAllowList(body, markLinks);
        var clean = body.ChildNodes.ToHtml(formatter).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Decisions that need attributes the allow-list is about to remove or rewrite.</summary>
    private static void BeforeAllowList(IElement body)
    {
        foreach (var image in body.QuerySelectorAll("img").Where(TrackingPixel.Is).ToList())
            image.Remove();
        foreach (var element in body.QuerySelectorAll("[srcset]").ToList())
        {
            if (!Srcset.HasOnlyWebUrls(element.GetAttribute("srcset")!))
                element.RemoveAttribute("srcset");
        }
        foreach (var iframe in body.QuerySelectorAll("iframe[src]").ToList())
        {
            // A protocol-relative embed is fetched over https, whatever the feed's own scheme.
            if (iframe.GetAttribute("src")!.Trim() is var src && src.StartsWith("//", StringComparison.Ordinal))
                iframe.SetAttribute("src", "https:" + src);
        }
    }

    private static void AfterAllowList(IElement body, bool markLinks)
    {
        foreach (var element in body.QuerySelectorAll("a, iframe").ToList())
        {
            if (element.LocalName == "iframe")
                EmbedFrame.Shape(element);
            else if (markLinks)
                element.SetAttribute("rel", "noopener noreferrer"); // links leave the reader: no window.opener, no referrer leak
        }
    }
}
