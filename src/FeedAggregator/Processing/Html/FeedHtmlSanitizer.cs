using Ganss.Xss;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// HtmlSanitizer with <see cref="SanitizerPolicy"/>, built once: the slow path.
/// </summary>
internal sealed class FeedHtmlSanitizer : HtmlSanitizer
{
    public FeedHtmlSanitizer()
        : base(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(SanitizerPolicy.Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(SanitizerPolicy.Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(SanitizerPolicy.Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(SanitizerPolicy.UriAttributes, StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(SanitizerPolicy.UriListAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
    {
        // An unknown wrapper (<font>, <center>) keeps its text; script and style never do.
        KeepChildNodes = true;
        RemovingTag += (_, e) =>
        {
            // KeepChildNodes must not turn a script's code or a style sheet into visible text.
            if (SanitizerPolicy.DroppedWithContent.Contains(e.Tag.LocalName))
                e.Tag.TextContent = "";
        };
    }

    /// <summary>The library's own URL rule, the reference <see cref="UrlRule"/> is tested against.</summary>
    internal string? Url(string url, string baseUrl) => SanitizeUrl(null!, url, baseUrl);
}
