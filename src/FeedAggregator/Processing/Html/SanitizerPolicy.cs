using System.Collections.Frozen;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// What sanitized feed HTML may hold, in one place for both paths: the tags and attributes the
/// allow-list keeps, the URL attributes, and for each kept tag what the HTML tree builder does
/// with it (the fast path must know when the builder would do anything but nest the tags as
/// written).
/// </summary>
internal static class SanitizerPolicy
{
    public static readonly string[] Tags =
    [
        "a", "abbr", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    ];

    public static readonly string[] Attributes =
    [
        "abbr", "allowfullscreen", "alt", "cite", "colspan", "controls", "datetime", "dir", "height", "href",
        "hreflang", "kind", "label", "lang", "loop", "media", "muted", "poster", "reversed", "rowspan", "scope",
        "sizes", "span", "src", "srclang", "srcset", "start", "title", "type", "width",
    ];

    public static readonly string[] Schemes = ["http", "https", "mailto"];

    /// <summary>Attributes holding one URL, screened against <see cref="Schemes"/> and resolved against the base.</summary>
    public static readonly string[] UriAttributes = ["href", "src", "poster", "cite"];

    /// <summary>Attributes holding a list of URLs, each screened and resolved on its own.</summary>
    public static readonly string[] UriListAttributes = ["srcset"];

    /// <summary>Removed tags whose content goes with them: code, style sheets and controls are not text to read.</summary>
    public static readonly FrozenSet<string> DroppedWithContent = new[]
    {
        // Not object or applet: what they hold is the fallback a browser shows without the plugin.
        "script", "style", "noscript", "template", "embed", "textarea", "select",
        "button", "title", "head", "svg", "math", "frameset", "frame", "noframes", "noembed", "xmp", "plaintext",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> AllowedAttributes = Attributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> UriAttributeSet = UriAttributes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, TagRule> Rules = Tags
        .ToFrozenDictionary(t => t, TagRule.For, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, TagRule>.AlternateLookup<ReadOnlySpan<char>> RulesBySpan =
        Rules.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllowedAttributesBySpan =
        AllowedAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The rule of an allowed tag (any case), or null for a tag the allow-list removes.</summary>
    public static TagRule? Rule(ReadOnlySpan<char> name) => RulesBySpan.TryGetValue(name, out var rule) ? rule : null;

    /// <summary>The allowed attribute's name in lower case, or null when the allow-list removes it.</summary>
    public static string? AllowedAttribute(ReadOnlySpan<char> name) =>
        AllowedAttributesBySpan.TryGetValue(name, out var known) ? known : null;

    public static bool IsUriAttribute(string name) => UriAttributeSet.Contains(name);
}
