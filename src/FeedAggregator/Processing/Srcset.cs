using AngleSharp.Html;

namespace FeedAggregator.Processing;

/// <summary>
/// A srcset may name only web images. One candidate with another scheme (javascript:, data:,
/// mailto:) means the feed is not sending pictures there, so the whole attribute goes; the
/// sanitizer still screens and resolves each candidate of a srcset that passes.
/// </summary>
internal static class Srcset
{
    private static readonly char[] ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    public static bool HasOnlyWebUrls(string srcset) =>
        SourceSet.Parse(srcset).All(candidate => SchemeOf(candidate.Url) is null or "http" or "https");

    /// <summary>The URL's scheme in lower case, or null for a relative URL.</summary>
    private static string? SchemeOf(string? url)
    {
        // As a browser does: tabs and newlines inside a URL are ignored, spaces and controls around it trimmed.
        var text = (url ?? "").Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Trim(ControlsAndSpace);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
            return null;
        var scheme = text[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme.ToLowerInvariant() : null;
    }
}
