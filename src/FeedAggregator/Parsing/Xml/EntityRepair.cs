using System.Buffers;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;
using FeedAggregator.Parsing.Text;

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

    // How close to the end of a block an "&" or "<" may stand and still be judged: a longer
    // character reference with no ";" yet is judged one to repair, which only costs a whole read.
    private const int ScanLookahead = 64;

    /// <summary>The repaired text; the same string when nothing needed repair.</summary>
    public static string Repair(string text, ParseContext context)
    {
        using var repaired = Repair(text.AsSpan(), context);
        return repaired is null ? text : repaired.Span.ToString();
    }

    /// <summary>The repaired text in a pooled buffer, or null when nothing needed repair.</summary>
    public static PooledText? Repair(ReadOnlySpan<char> text, ParseContext context)
    {
        if (!HasSuspectReference(text))
            return null;

        PooledText? output = null;
        var copied = 0;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var declared = new DeclaredEntities(context.Options.MaxEntityCharacters);
        var scanner = new Scanner(text);
        var i = scanner.Next(0);
        while (i < text.Length)
        {
            if (text[i] == '<')
            {
                i = scanner.Next(AfterMarkupDeclaration(text, i, declared));
                continue;
            }

            var (length, replacement) = Examine(text, i, unknown, declared);
            if (replacement is not null)
            {
                output ??= new PooledText(text.Length + text.Length / 16 + 64);
                output.Append(text[copied..i]);
                output.Append(replacement);
                copied = i + length;
            }
            i = scanner.Next(i + length);
        }

        if (declared.OverBudget)
            context.Warn($"DOCTYPE entities past the budget of {context.Options.MaxEntityCharacters} characters were kept as text");
        if (unknown.Count > 0)
            context.Warn($"undeclared entities kept as text: {string.Join(", ", unknown.Take(5).Select(n => $"&{n};"))}");
        output?.Append(text[copied..]);
        return output;
    }

    /// <summary>
    /// Whether <see cref="Repair"/> could change or warn about a document in an ASCII-compatible
    /// encoding (see <see cref="DocumentDecoder.ChooseStreamed"/>), tested on its bytes without
    /// decoding them: true when a reference outside the CDATA sections is not one of XML's own, or
    /// when there is a DOCTYPE. False means that it returns null and warns of nothing.
    /// </summary>
    public static bool MayNeedRepair(ReadOnlySpan<byte> bytes)
    {
        var inCData = false;
        return Scan(bytes, final: true, ref inCData).Suspect;
    }

    /// <summary><see cref="MayNeedRepair(ReadOnlySpan{byte})"/> over a stream, read a block at a time.</summary>
    public static bool MayNeedRepair(Stream stream)
    {
        const int Block = 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(Block + ScanLookahead);
        try
        {
            var (kept, inCData) = (0, false);
            while (true)
            {
                var read = stream.ReadAtLeast(buffer.AsSpan(kept, Block), Block, throwOnEndOfStream: false);
                var final = read < Block;
                var bytes = buffer.AsSpan(0, kept + read);
                var (suspect, scanned) = Scan(bytes, final, ref inCData);
                if (suspect || final)
                    return suspect;
                // What could not be judged without the next block is scanned again with it.
                bytes[scanned..].CopyTo(buffer);
                kept = bytes.Length - scanned;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Scans from the start; unless the bytes are the last, stops where what stands too close to
    // their end cannot be judged yet, and says how far it got.
    private static (bool Suspect, int Scanned) Scan(ReadOnlySpan<byte> bytes, bool final, ref bool inCData)
    {
        var i = 0;
        while (true)
        {
            if (inCData)
            {
                // As the repair walk does: a section never closed runs to the end.
                var close = bytes[i..].IndexOf("]]>"u8);
                if (close < 0)
                    return (false, final ? bytes.Length : Math.Max(i, bytes.Length - 2));
                (i, inCData) = (i + close + 3, false);
                continue;
            }

            var next = bytes[i..].IndexOfAny((byte)'&', (byte)'<');
            if (next < 0)
                return (false, bytes.Length);
            i += next;
            var rest = bytes[i..];
            if (!final && rest.Length < ScanLookahead)
                return (false, i);
            if (rest[0] == (byte)'&' ? !IsXmlReference(rest[1..]) : rest.StartsWith("<!DOCTYPE"u8))
                return (true, i);
            if (rest.StartsWith("<![CDATA["u8))
            {
                (i, inCData) = (i + 9, true);
                continue;
            }
            i++;
        }
    }

    // Most feeds use only the five XML entities and character references: one quick pass over the
    // ampersands, CDATA or not, clears them without the full walk below.
    private static bool HasSuspectReference(ReadOnlySpan<char> text)
    {
        var i = text.IndexOf('&');
        while (i >= 0)
        {
            if (!IsXmlReference(text[(i + 1)..]))
                return true;
            var next = text[(i + 1)..].IndexOf('&');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    // What follows an "&" in a reference the XML reader reads as it is: one of the five entities, or a character reference.
    private static bool IsXmlReference<T>(ReadOnlySpan<T> rest) where T : unmanaged, IBinaryInteger<T> =>
        StartsWith(rest, "amp;") || StartsWith(rest, "lt;") || StartsWith(rest, "gt;") || StartsWith(rest, "quot;")
        || StartsWith(rest, "apos;") || IsCharacterReference(rest);

    // "#233;" or "#xE9;" (an uppercase "#X" is HTML and needs repair).
    private static bool IsCharacterReference<T>(ReadOnlySpan<T> rest) where T : unmanaged, IBinaryInteger<T>
    {
        if (rest.Length < 3 || rest[0] != T.CreateTruncating('#'))
            return false;
        var hex = rest[1] == T.CreateTruncating('x');
        var digits = hex ? rest[2..] : rest[1..];
        var end = digits.IndexOf(T.CreateTruncating(';'));
        if (end <= 0)
            return false;
        foreach (var digit in digits[..end])
        {
            var c = (char)ushort.CreateTruncating(digit);
            if (!(hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c)))
                return false;
        }
        return true;
    }

    private static bool StartsWith<T>(ReadOnlySpan<T> text, string ascii) where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length < ascii.Length)
            return false;
        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != T.CreateTruncating(ascii[i]))
                return false;
        }
        return true;
    }

    // Where to go on from a "<!": a CDATA section is skipped whole; the DOCTYPE's internal subset
    // declares entities and needs no repair itself; a comment is read like text.
    private static int AfterMarkupDeclaration(ReadOnlySpan<char> text, int lt, DeclaredEntities declared)
    {
        var rest = text[lt..];
        if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("]]>", StringComparison.Ordinal);
            return end < 0 ? text.Length : lt + end + 3;
        }
        if (rest.StartsWith("<!DOCTYPE", StringComparison.Ordinal))
        {
            var end = lt + AfterDoctype(rest);
            declared.Read(text[lt..end].ToString());
            return end;
        }
        return lt + 2;
    }

    /// <summary>The length of the DOCTYPE (or other "&lt;!" declaration) at the start of <paramref name="doctype"/>, internal subset included.</summary>
    internal static int AfterDoctype(ReadOnlySpan<char> doctype)
    {
        var close = doctype.IndexOf('>');
        // Looked for only before the first ">", so a document of many DOCTYPEs is not scanned once per each.
        var subset = close < 0 ? doctype.IndexOf('[') : doctype[..close].IndexOf('[');
        if (subset >= 0)
        {
            var end = doctype[subset..].IndexOf(']');
            var gt = end < 0 ? -1 : doctype[(subset + end)..].IndexOf('>');
            close = gt < 0 ? -1 : subset + end + gt;
        }
        return close < 0 ? doctype.Length : close + 1;
    }

    // The next "&" or "<!" (only "<!" opens a CDATA section or a DOCTYPE). Each is searched for
    // again only once passed, so the document is scanned about once for each.
    private ref struct Scanner(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _amp = -2;
        private int _declaration = -2;

        public int Next(int from)
        {
            if (from >= _text.Length)
                return _text.Length;
            if (_amp != -1 && _amp < from)
                _amp = _text[from..].IndexOf('&') is var a and >= 0 ? from + a : -1;
            if (_declaration != -1 && _declaration < from)
                _declaration = _text[from..].IndexOf("<!", StringComparison.Ordinal) is var d and >= 0 ? from + d : -1;
            return (_amp, _declaration) switch
            {
                (-1, -1) => _text.Length,
                (-1, var d) => d,
                (var a, -1) => a,
                (var a, var d) => Math.Min(a, d),
            };
        }
    }

    // Returns how many characters the reference spans and what to write instead (null: keep it).
    private static (int Length, string? Replacement) Examine(ReadOnlySpan<char> text, int amp, SortedSet<string> unknown, DeclaredEntities declared)
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

        var decoded = WebUtility.HtmlDecode(text.Slice(amp, length).ToString());
        if (decoded.Length > 0 && decoded[0] != '&')
            return (length, ToCharacterReferences(decoded));

        var nameText = name.ToString();
        if (declared.TryExpand(nameText, out var value))
            return (length, value);

        unknown.Add(nameText);
        return (length, "&amp;" + nameText + ";");
    }

    private static string ToCharacterReferences(string decoded)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < decoded.Length; k += char.IsSurrogatePair(decoded, k) ? 2 : 1)
            builder.Append("&#x").Append(char.ConvertToUtf32(decoded, k).ToString("X", CultureInfo.InvariantCulture)).Append(';');
        return builder.ToString();
    }
}
