using System.Net;
using System.Text.RegularExpressions;

namespace FeedAggregator.Publishing.Writers;

/// <summary>Turns (sanitized) HTML into one line of plain text, for JSON Feed's summary.</summary>
internal static partial class PlainText
{
    public static string FromHtml(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = Tag().Replace(text, match => IsBlock(match.Groups["name"].Value) ? " " : string.Empty);
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    // Block-level tags separate words; inline ones (<b>, <a>) must not split "un<b>usual</b>".
    private static bool IsBlock(string name) => name.ToLowerInvariant() is
        "p" or "br" or "div" or "li" or "ul" or "ol" or "tr" or "td" or "th" or "table" or "blockquote"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "hr" or "pre" or "figure" or "figcaption"
        or "section" or "article" or "header" or "footer" or "dd" or "dt" or "dl" or "img";

    // Comments, CDATA, and the bodies of elements whose text is never shown.
    [GeneratedRegex(@"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(script|style|template)\b.*?</\1\s*>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    // A tag, with quoted attribute values that may themselves contain '>'.
    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9-]*)(?:[^>""']|""[^""]*""|'[^']*')*>|<![^>]*>|<\?[^>]*>",
        RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
