using System.Net;
using System.Text.RegularExpressions;

namespace FeedAggregator.Processing;

/// <summary>Plain text from HTML, for titles derived from content and for text-only outputs.</summary>
public static partial class HtmlText
{
    /// <summary>One line of text: tags removed (block tags separate words, inline ones do not), entities decoded.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var text = Invisible().Replace(html, " ");
        text = Tag().Replace(text, match => IsBlock(match.Groups["name"].Value) ? " " : string.Empty);
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>The first words of <paramref name="text"/>, cut at a word boundary, at most <paramref name="maxLength"/> characters.</summary>
    public static string FirstWords(string text, int maxLength)
    {
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length <= maxLength)
            return text;
        var cut = text.LastIndexOf(' ', maxLength);
        return (cut > maxLength / 2 ? text[..cut] : text[..maxLength]).TrimEnd(' ', ',', '،', ';', ':') + "…";
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
