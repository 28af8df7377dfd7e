using System.Text.RegularExpressions;
using AngleSharp.Html;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// The fast path's URL rule: HtmlSanitizer's (a scheme, read as its SanitizeUrl reads it, must be
/// allowed; a relative URL is resolved against the base and checked again), with the base parsed
/// once per document rather than once per URL, and without building the library's parser and
/// style machinery for documents that never need them. A test holds it to the library's own rule.
/// </summary>
internal sealed partial class UrlRule(IEnumerable<string> schemes)
{
    private readonly HashSet<string> _schemes = new(schemes, StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL as the allow-list keeps it, or null.</summary>
    public string? Sanitize(string url, Uri? baseUri)
    {
        url = url.TrimStart();
        var scheme = Scheme().Match(url);
        if (scheme.Success)
            return _schemes.Contains(scheme.Groups[1].Value) ? url : null;
        if (baseUri is null)
            return url;
        try
        {
            var resolved = new Uri(baseUri, url);
            return _schemes.Contains(resolved.Scheme) ? resolved.AbsoluteUri : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A srcset as the allow-list keeps it: each candidate screened and resolved on its own, its
    /// descriptor kept; null when none is left.
    /// </summary>
    public string? Srcset(string value, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var kept = new List<string>();
        foreach (var candidate in SourceSet.Parse(value))
        {
            if (string.IsNullOrEmpty(candidate.Url) || Sanitize(candidate.Url, baseUri) is not { } url)
                continue;
            kept.Add(string.IsNullOrEmpty(candidate.Descriptor) ? url : $"{url} {candidate.Descriptor}");
        }

        return kept.Count > 0 ? string.Join(", ", kept) : null;
    }

    // A scheme as HtmlSanitizer finds one: anything before the first ":" (or an encoded one) that is not a path or fragment.
    [GeneratedRegex(@"^([^\/#]*?)(?:\:|&#0*58|&#x0*3a)", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();
}
