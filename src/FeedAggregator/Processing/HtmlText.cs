using System.Net;
using System.Text.RegularExpressions;

namespace FeedAggregator.Processing;

/// <summary>Plain text from HTML, for titles derived from content and for text-only outputs.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var noTags = Tags().Replace(html, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(noTags), " ").Trim();
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

    [GeneratedRegex(@"<[^>]*>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
