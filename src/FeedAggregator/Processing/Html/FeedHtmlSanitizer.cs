using AngleSharp.Html;
using Ganss.Xss;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// HtmlSanitizer with <see cref="SanitizerPolicy"/>, built once, and its URL rule opened to the
/// fast path, so that both paths screen and resolve every URL with the library's own code.
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

    /// <summary>The URL as the allow-list keeps it (screened, resolved against <paramref name="baseUrl"/>), or null.</summary>
    public string? Url(string url, string baseUrl) => SanitizeUrl(null!, url, baseUrl);

    /// <summary>
    /// A srcset as the allow-list keeps it: each candidate screened and resolved on its own, its
    /// descriptor kept; null when none is left (the library does the same for the slow path).
    /// </summary>
    public string? Srcset(string value, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var kept = new List<string>();
        foreach (var candidate in SourceSet.Parse(value))
        {
            if (string.IsNullOrEmpty(candidate.Url) || Url(candidate.Url, baseUrl) is not { } url)
                continue;
            kept.Add(string.IsNullOrEmpty(candidate.Descriptor) ? url : $"{url} {candidate.Descriptor}");
        }

        return kept.Count > 0 ? string.Join(", ", kept) : null;
    }
}
