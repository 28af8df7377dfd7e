using System.Globalization;
using System.Net;
using System.Text;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// Makes the entity references of real feeds legal XML before the reader sees them, since with
/// DTDs ignored any undeclared entity is fatal: HTML entities (&amp;eacute;, &amp;nbsp;, common
/// in RSS 0.91) become character references, a bare "&amp;" becomes "&amp;amp;", and any other
/// name is kept as literal text, never expanded. The one exception is a simple internal entity
/// (&lt;!ENTITY name "plain text"&gt;, no references, no markup): its text is put in place, within
/// the entity budget. A billion-laughs "&amp;lol9;" (its value holds references) or an external
/// "&amp;xxe;" (SYSTEM) is never one. CDATA sections and the DOCTYPE itself are left untouched.
/// </summary>
internal static class EntityRepair
{
    private const int MaxEntityNameLength = 32;

    public static string Repair(string text, ParseContext context)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
            return text;

        StringBuilder? builder = null;
        var copied = 0;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var declared = new DeclaredEntities(context.Options.MaxEntityCharacters);
        var i = NextInteresting(text, 0);
        while (i < text.Length)
        {
            if (text[i] == '<' && string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0)
            {
                var end = text.IndexOf("]]>", i, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 3;
                continue;
            }
            if (text[i] == '<' && string.CompareOrdinal(text, i, "<!DOCTYPE", 0, 9) == 0)
            {
                var end = AfterDoctype(text, i);
                declared.Read(text[i..end]);
                i = end;
                continue;
            }
            if (text[i] != '&')
            {
                i = NextInteresting(text, i + 1);
                continue;
            }

            var (length, replacement) = Examine(text, i, unknown, declared);
            if (replacement is not null)
            {
                builder ??= new StringBuilder(text.Length + 64);
                builder.Append(text, copied, i - copied).Append(replacement);
                copied = i + length;
            }
            i += length;
        }

        if (declared.OverBudget)
            context.Warn($"DOCTYPE entities past the budget of {context.Options.MaxEntityCharacters} characters were kept as text");
        if (unknown.Count > 0)
            context.Warn($"undeclared entities kept as text: {string.Join(", ", unknown.Take(5).Select(n => $"&{n};"))}");
        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The internal subset declares entities; the reader ignores it, so its references need no repair.
    private static int AfterDoctype(string text, int start)
    {
        var close = text.IndexOf('>', start);
        var subset = text.IndexOf('[', start);
        if (subset >= 0 && (close < 0 || subset < close))
        {
            var end = text.IndexOf(']', subset);
            close = end < 0 ? -1 : text.IndexOf('>', end);
        }
        return close < 0 ? text.Length : close + 1;
    }

    private static int NextInteresting(string text, int from)
    {
        var next = text.AsSpan(from).IndexOfAny('&', '<');
        return next < 0 ? text.Length : from + next;
    }

    // Returns how many characters the reference spans and what to write instead (null: keep it).
    private static (int Length, string? Replacement) Examine(string text, int amp, SortedSet<string> unknown, DeclaredEntities declared)
    {
        var j = amp + 1;
        if (j < text.Length && text[j] == '#')
        {
            // "&#X41;" is HTML, not XML; the reader judges every other character reference.
            return j + 1 < text.Length && text[j + 1] == 'X' ? (3, "&#x") : (1, null);
        }

        while (j < text.Length && j - amp <= MaxEntityNameLength && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '-' or '.'))
            j++;
        if (j == amp + 1 || j >= text.Length || text[j] != ';' || !char.IsAsciiLetter(text[amp + 1]))
            return (1, "&amp;"); // a bare ampersand ("AT&T", "?a=1&b=2")

        var name = text[(amp + 1)..j];
        var length = j - amp + 1;
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            return (length, null);

        var decoded = WebUtility.HtmlDecode(text.Substring(amp, length));
        if (decoded.Length > 0 && decoded[0] != '&')
            return (length, ToCharacterReferences(decoded));

        if (declared.TryExpand(name, out var value))
            return (length, value);

        unknown.Add(name);
        return (length, "&amp;" + name + ";");
    }

    private static string ToCharacterReferences(string decoded)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < decoded.Length; k += char.IsSurrogatePair(decoded, k) ? 2 : 1)
            builder.Append("&#x").Append(char.ConvertToUtf32(decoded, k).ToString("X", CultureInfo.InvariantCulture)).Append(';');
        return builder.ToString();
    }
}
