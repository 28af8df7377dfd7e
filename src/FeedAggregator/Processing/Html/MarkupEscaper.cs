using System.Buffers;
using System.Text;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// Text and attribute values written as HtmlSanitizer's formatter writes them, so the fast path,
/// the DOM writer and the library agree to the character: in text <c>&amp; &lt; &gt;</c> and the
/// no-break space are escaped; in attribute values <c>&amp; " &lt; &gt;</c> and the no-break space.
/// </summary>
internal static class MarkupEscaper
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\u00A0");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\u00A0");

    public static void AppendText(StringBuilder output, ReadOnlySpan<char> text, bool xhtml = false) =>
        Append(output, text, TextSpecials, xhtml);

    public static void AppendAttribute(StringBuilder output, string name, ReadOnlySpan<char> value)
    {
        output.Append(' ').Append(name).Append("=\"");
        Append(output, value, AttributeSpecials, xhtml: false);
        output.Append('"');
    }

    public static void AppendChar(StringBuilder output, char c, bool xhtml = false)
    {
        switch (c)
        {
            case '&': output.Append("&amp;"); break;
            case '<': output.Append("&lt;"); break;
            case '>': output.Append("&gt;"); break;
            case '\u00A0': output.Append(xhtml ? "&#160;" : "&nbsp;"); break;
            default: output.Append(c); break;
        }
    }

    private static void Append(StringBuilder output, ReadOnlySpan<char> text, SearchValues<char> specials, bool xhtml)
    {
        while (true)
        {
            var next = text.IndexOfAny(specials);
            if (next < 0)
            {
                output.Append(text);
                return;
            }

            output.Append(text[..next]);
            if (text[next] == '"')
                output.Append("&quot;");
            else
                AppendChar(output, text[next], xhtml);
            text = text[(next + 1)..];
        }
    }
}
