using System.Net;
using System.Text;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// The little HTML handling parsing needs: plain text out of a title that may hold markup or
/// entities, and plain text escaped into HTML. Real sanitizing is the processing stage's job.
/// </summary>
internal static class HtmlText
{
    /// <summary>Tags stripped, entities decoded, whitespace collapsed; null when nothing is left.</summary>
    public static string? ToPlainText(string? html)
    {
        if (html is null)
            return null;
        var text = html.AsSpan().IndexOfAny('<', '&') < 0 ? html : WebUtility.HtmlDecode(StripTags(html));
        return CollapseWhitespace(text);
    }

    /// <summary>Runs of whitespace become one space, ends trimmed; null when nothing is left.</summary>
    public static string? CollapseWhitespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Plain text as HTML that shows the same text. Only the five markup characters change.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Removes tags and comments; a "&lt;" not followed by a tag-like character stays ("a &lt; b").</summary>
    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            if (c != '<' || !(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var terminator = html.AsSpan(i).StartsWith("<!--") ? "-->" : ">";
            var end = html.IndexOf(terminator, i + 1, StringComparison.Ordinal);
            if (end < 0)
                break; // an unclosed tag at the end: drop it
            i = end + terminator.Length;
        }
        return builder.ToString();
    }
}
