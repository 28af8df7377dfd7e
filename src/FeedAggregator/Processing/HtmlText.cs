using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Processing;

/// <summary>Plain text from HTML, for titles derived from content and for text-only outputs.</summary>
public static partial class HtmlText
{
    /// <summary>
    /// One line of text: comments, CDATA and the bodies of script, style and template removed, tags
    /// removed (block tags separate words, inline ones do not), entities decoded. Linear in the input.
    /// </summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var text = html;
        if (text.Contains('<', StringComparison.Ordinal))
            text = TagStripper.RemoveTags(TagStripper.RemoveInvisible(text), IsBlock);
        // HtmlDecode returns its argument untouched when there is no "&".
        return CollapseWhitespace(WebUtility.HtmlDecode(text));
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

    /// <summary>Runs of whitespace (any Unicode space, the no-break space too) as one space, ends trimmed.</summary>
    private static string CollapseWhitespace(string text)
    {
        var span = text.AsSpan().Trim();
        var builder = (StringBuilder?)null;
        var copied = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!char.IsWhiteSpace(span[i]))
                continue;
            var end = i + 1;
            while (end < span.Length && char.IsWhiteSpace(span[end]))
                end++;
            if (end - i == 1 && span[i] == ' ')
                continue; // already one plain space
            builder ??= new StringBuilder(span.Length);
            builder.Append(span[copied..i]).Append(' ');
            copied = end;
            i = end - 1;
        }

        if (builder is null)
            return span.Length == text.Length ? text : span.ToString();
        return builder.Append(span[copied..]).ToString();
    }

    // Block-level tags separate words; inline ones (<b>, <a>) must not split "un<b>usual</b>".
    private static bool IsBlock(ReadOnlySpan<char> name) => BlockTags.Contains(name);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockTags = new HashSet<string>(
        [
            "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
            "hr", "pre", "figure", "figcaption", "section", "article", "header", "footer", "dd", "dt", "dl", "img",
        ],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
