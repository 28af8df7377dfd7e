using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// Relative URLs in stored HTML made absolute at render time, for readers that ignore xml:base
/// (and JSON Feed and the HTML page, which have none). Processing resolves them against the
/// feed's base when it stores an article; this catches what had no usable base then. HTML without
/// a relative URL, almost all of it, is returned as it is, unparsed.
/// </summary>
internal static partial class ContentUrls
{
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite"];

    /// <summary><paramref name="html"/> with every URL attribute absolute against <paramref name="baseUrl"/>; one that cannot be is removed.</summary>
    public static string? Absolute(string? html, string baseUrl)
    {
        if (html is null || !MayHoldRelative().IsMatch(html) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            return html;
        }

        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);
        var body = document.Body!;
        var changed = false;
        foreach (var element in body.QuerySelectorAll("[href], [src], [poster], [cite], [srcset]"))
        {
            foreach (var name in UrlAttributes)
            {
                if (element.GetAttribute(name) is { } value && !HasScheme().IsMatch(value))
                {
                    Set(element, name, Resolve(baseUri, value));
                    changed = true;
                }
            }

            var candidates = SourceSet.Parse(element.GetAttribute("srcset") ?? "")
                .Select(c => (Url: c.Url?.Trim() ?? "", c.Descriptor)).Where(c => c.Url.Length > 0).ToList();
            if (candidates.Any(c => !HasScheme().IsMatch(c.Url)))
            {
                var resolved = candidates
                    .Select(c => (Url: HasScheme().IsMatch(c.Url) ? c.Url : Resolve(baseUri, c.Url), c.Descriptor))
                    .Where(c => c.Url is not null)
                    .Select(c => string.IsNullOrEmpty(c.Descriptor) ? c.Url : $"{c.Url} {c.Descriptor}");
                Set(element, "srcset", string.Join(", ", resolved) is { Length: > 0 } list ? list : null);
                changed = true;
            }
        }

        return changed ? body.InnerHtml : html;
    }

    private static string? Resolve(Uri baseUri, string value) =>
        Uri.TryCreate(baseUri, value.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static void Set(IElement element, string name, string? value)
    {
        if (value is null)
        {
            element.RemoveAttribute(name);
        }
        else
        {
            element.SetAttribute(name, value);
        }
    }

    // Sanitized HTML writes attributes as name="value": one whose value has no scheme is relative.
    [GeneratedRegex("""\s(?:href|src|poster|cite)="(?![A-Za-z][A-Za-z0-9+.\-]*:)|\ssrcset=""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MayHoldRelative();

    [GeneratedRegex("""^\s*[A-Za-z][A-Za-z0-9+.\-]*:""", RegexOptions.CultureInvariant)]
    private static partial Regex HasScheme();
}
