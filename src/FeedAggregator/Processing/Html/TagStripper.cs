using System.Collections;
using System.Globalization;
using System.Text;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// The two scans of <see cref="HtmlText.ToPlainText"/>, in time linear in the input (they were
/// regular expressions whose failed matches rescanned the rest of the text, so "&lt;a \"" repeated
/// or an unclosed "&lt;script" made them quadratic). They keep the expressions' rules exactly:
/// comments, CDATA and script, style and template elements become a space; then every tag is
/// removed, a block tag leaving a space.
/// </summary>
internal static class TagStripper
{
    private static readonly string[] HiddenElements = ["script", "style", "template"];

    /// <summary>Comments, CDATA sections and the bodies of script, style and template, each replaced by a space.</summary>
    public static string RemoveInvisible(string html)
    {
        StringBuilder? output = null;
        var copied = 0;
        // Where a search for a terminator found none: any later search for it fails too.
        var noCommentEnd = int.MaxValue;
        var noCdataEnd = int.MaxValue;
        Span<int> noElementEnd = [int.MaxValue, int.MaxValue, int.MaxValue];
        var i = html.IndexOf('<');
        while (i >= 0)
        {
            var end = InvisibleEnd(html, i, ref noCommentEnd, ref noCdataEnd, noElementEnd);
            if (end < 0)
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }

            output ??= new StringBuilder(html.Length);
            output.Append(html, copied, i - copied).Append(' ');
            copied = end;
            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        return output is null ? html : output.Append(html, copied, html.Length - copied).ToString();
    }

    private static int InvisibleEnd(string html, int lt, ref int noCommentEnd, ref int noCdataEnd, Span<int> noElementEnd)
    {
        var rest = html.AsSpan(lt);
        if (rest.StartsWith("<!--"))
            return Terminated(html, lt + 4, "-->", ref noCommentEnd);
        if (rest.StartsWith("<![CDATA["))
            return Terminated(html, lt + 9, "]]>", ref noCdataEnd);
        for (var k = 0; k < HiddenElements.Length; k++)
        {
            var name = HiddenElements[k];
            var after = lt + 1 + name.Length;
            if (rest.Length > name.Length && rest[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (after >= html.Length || !IsWordCharacter(html[after])))
                return ElementEnd(html, after, name, ref noElementEnd[k]);
        }

        return -1;
    }

    /// <summary>The index after the first <paramref name="terminator"/> from <paramref name="from"/>, or -1.</summary>
    private static int Terminated(string html, int from, string terminator, ref int none)
    {
        if (from >= none)
            return -1;
        var at = html.IndexOf(terminator, from, StringComparison.Ordinal);
        if (at < 0)
        {
            none = from;
            return -1;
        }

        return at + terminator.Length;
    }

    /// <summary>The index after the first "&lt;/name&gt;" (any case, spaces before "&gt;") from <paramref name="from"/>, or -1.</summary>
    private static int ElementEnd(string html, int from, string name, ref int none)
    {
        if (from >= none)
            return -1;
        var search = from;
        while (true)
        {
            var at = html.AsSpan(search).IndexOf(string.Concat("</", name), StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                none = from;
                return -1;
            }

            var k = search + at + 2 + name.Length;
            while (k < html.Length && char.IsWhiteSpace(html[k]))
                k++;
            if (k < html.Length && html[k] == '>')
                return k + 1;
            search += at + 1;
        }
    }

    /// <summary>Every tag removed; a block tag leaves a space so the words on either side stay apart.</summary>
    public static string RemoveTags(string html, Func<ReadOnlySpan<char>, bool> isBlock)
    {
        var i = html.IndexOf('<');
        if (i < 0)
            return html;
        var output = new StringBuilder(html.Length);
        var copied = 0;
        var lastGreater = html.LastIndexOf('>');
        var lastDouble = html.LastIndexOf('"');
        var lastSingle = html.LastIndexOf('\'');
        BitArray? failed = null;
        while (i >= 0)
        {
            var (end, block) = TagEnd(html, i, lastGreater, lastDouble, lastSingle, ref failed, isBlock);
            if (end < 0)
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }

            output.Append(html, copied, i - copied);
            if (block)
                output.Append(' ');
            copied = end;
            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        return output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Where the tag at <paramref name="lt"/> ends (-1: it is not a tag), and whether it is a block tag.</summary>
    private static (int End, bool Block) TagEnd(
        string html, int lt, int lastGreater, int lastDouble, int lastSingle, ref BitArray? failed, Func<ReadOnlySpan<char>, bool> isBlock)
    {
        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (next is '!' or '?')
        {
            // "<!...>" and "<?...>": up to the first ">".
            var close = html.IndexOf('>', lt + 2);
            return (close < 0 ? -1 : close + 1, false);
        }

        var nameStart = next == '/' ? lt + 2 : lt + 1;
        if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            return (-1, false);
        var nameEnd = nameStart + 1;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            nameEnd++;
        var end = AttributesEnd(html, nameEnd, lastGreater, lastDouble, lastSingle, ref failed);
        return (end, end >= 0 && isBlock(html.AsSpan(nameStart, nameEnd - nameStart)));
    }

    /// <summary>
    /// Scans attributes (quoted values may hold "&gt;") to the "&gt;" that ends the tag; -1 when there is
    /// none. The scan outside quotes is the same from any position, so the positions of a scan that
    /// failed are remembered: a later scan reaching one fails at once, and the work stays linear.
    /// </summary>
    private static int AttributesEnd(string html, int from, int lastGreater, int lastDouble, int lastSingle, ref BitArray? failed)
    {
        var k = from;
        while (true)
        {
            if (k > lastGreater || (failed is not null && failed[k]))
                break;
            var c = html[k];
            if (c == '>')
                return k + 1;
            if (c is '"' or '\'')
            {
                if (k == (c == '"' ? lastDouble : lastSingle))
                    break; // a quote that never closes
                k = html.IndexOf(c, k + 1) + 1;
                continue;
            }

            k++;
        }

        // Mark the path outside quotes, so the next scan that joins it stops there.
        failed ??= new BitArray(html.Length + 1);
        for (var m = from; m < k && m < html.Length && !failed[m];)
        {
            failed[m] = true;
            m = html[m] is '"' or '\'' && m != (html[m] == '"' ? lastDouble : lastSingle) ? html.IndexOf(html[m], m + 1) + 1 : m + 1;
        }

        return -1;
    }

    // As \w in .NET regular expressions: letters, decimal digits, non-spacing marks and connector punctuation.
    private static bool IsWordCharacter(char c) =>
        char.IsLetter(c) || char.IsDigit(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation;
}
