using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedAggregator.Refreshing;

/// <summary>
/// Autodiscovery: the feed links of an HTML page (<c>link rel="alternate"</c> with a feed type),
/// in document order, resolved against the page's URL.
/// </summary>
internal static partial class FeedLinkFinder
{
    private const int MaxScannedChars = 512 * 1024; // the links sit in the head, near the top

    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"];

    /// <summary>True when the response is an HTML page rather than a feed document.</summary>
    public static bool IsHtml(string? contentType, byte[] body)
    {
        if (contentType is not null)
            return contentType.Contains("text/html", StringComparison.OrdinalIgnoreCase)
                   || contentType.Contains("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
        var start = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<Uri> Find(byte[] body, Uri pageUrl)
    {
        var html = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxScannedChars));
        var found = new List<Uri>();
        foreach (Match tag in LinkTag().Matches(html))
        {
            var attributes = Attributes(tag.Value);
            var rel = attributes.GetValueOrDefault("rel") ?? "";
            var type = attributes.GetValueOrDefault("type") ?? "";
            if (!rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                || !FeedTypes.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase)
                || attributes.GetValueOrDefault("href") is not { Length: > 0 } href)
                continue;
            if (Uri.TryCreate(pageUrl, WebUtility.HtmlDecode(href.Trim()), out var url) && url.Scheme is "http" or "https")
                found.Add(url);
        }

        return found;
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(tag))
            attributes.TryAdd(attribute.Groups["name"].Value, attribute.Groups["value"].Value);
        return attributes;
    }

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkTag();

    [GeneratedRegex("""(?<name>[a-zA-Z-]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>]+))""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
