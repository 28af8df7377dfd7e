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
        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html) : html;
        // HtmlDecode returns its argument untouched when there is no "&".
        return CollapseWhitespace(WebUtility.HtmlDecode(text));
    }

    /// <summary>
    /// Runs of XML whitespace (space, tab, CR, LF) become one space, ends trimmed; null when nothing
    /// is left. A no-break or em space is content (an author wrote &amp;nbsp; on purpose) and stays.
    /// </summary>
    public static string? CollapseWhitespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.AsSpan().Trim(" \t\r\n");
        if (trimmed.IsEmpty)
            return null;
        // Most titles are already clean: no copy for them.
        if (trimmed.IndexOfAny("\t\r\n") < 0 && !trimmed.Contains("  ", StringComparison.Ordinal))
            return trimmed.Length == text.Length ? text : trimmed.ToString();

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim(" \t\r\n"))
        {
            if (c is ' ' or '\t' or '\r' or '\n')
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

    private static string? HiddenElementEnd(string html, int lt)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style"])
        {
            var after = lt + 1 + name.Length;
            if (string.Compare(html, lt + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after >= html.Length || html[after] is '>' or ' ' or '/' or '\t' or '\r' or '\n'))
                return "</" + name + ">";
        }
        return null;
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
            // A script's code or a style sheet is never text a reader would see.
            if (HiddenElementEnd(html, i) is { } hidden)
                terminator = hidden;
            var end = html.IndexOf(terminator, i + 1, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
                break; // an unclosed tag at the end: drop it
            i = end + terminator.Length;
        }
        return builder.ToString();
    }
}
