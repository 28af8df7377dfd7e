using System.Buffers;
using System.Globalization;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>
/// Text, attribute values and CDATA copied into the recovered document so that they are legal:
/// characters XML 1.0 forbids are removed (C0 controls but tab, CR and LF; U+FFFE, U+FFFF; lone
/// surrogates), an ampersand that starts no reference the reader accepts becomes "&amp;amp;", a
/// stray "&lt;" becomes "&amp;lt;", and "]]&gt;" in text is escaped. Clean runs are copied whole.
/// </summary>
internal static class CharacterData
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(Specials("&<>"));
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(Specials("&<\""));
    private static readonly SearchValues<char> CDataSpecials = SearchValues.Create(Specials(""));

    public static void AppendText(PooledText output, ReadOnlySpan<char> text, RecoveryRepairs repairs) =>
        Append(output, text, TextSpecials, repairs);

    public static void AppendAttribute(PooledText output, ReadOnlySpan<char> value, RecoveryRepairs repairs) =>
        Append(output, value, AttributeSpecials, repairs);

    public static void AppendCData(PooledText output, ReadOnlySpan<char> content, RecoveryRepairs repairs) =>
        Append(output, content, CDataSpecials, repairs);

    /// <summary>A character XML 1.0 allows (surrogates are judged in pairs by the caller).</summary>
    public static bool IsAllowed(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static void Append(PooledText output, ReadOnlySpan<char> text, SearchValues<char> specials, RecoveryRepairs repairs)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(specials);
            if (i < 0)
            {
                output.Append(text);
                return;
            }
            output.Append(text[..i]);
            var c = text[i];
            var used = 1;
            switch (c)
            {
                case '&':
                    used = Reference(output, text[i..], repairs);
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '"':
                    output.Append("&quot;");
                    break;
                case '>':
                    // Only "]]>" is illegal in text; the "]]" are already written.
                    output.Append(i >= 2 && text[i - 1] == ']' && text[i - 2] == ']' ? "&gt;" : ">");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        output.Append(text.Slice(i, 2));
                        used = 2;
                    }
                    else
                        repairs.RemovedCharacters++;
                    break;
            }
            text = text[(i + used)..];
        }
    }

    // "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" and character references to allowed characters
    // are kept; a reference to a forbidden character is removed; anything else is a literal "&".
    private static int Reference(PooledText output, ReadOnlySpan<char> text, RecoveryRepairs repairs)
    {
        var end = text[..Math.Min(text.Length, 12)].IndexOf(';');
        if (end > 1)
        {
            var name = text[1..end];
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                output.Append(text[..(end + 1)]);
                return end + 1;
            }
            if (name[0] == '#' && CodePoint(name[1..]) is { } code)
            {
                if (IsAllowed(code))
                    output.Append(text[..(end + 1)]);
                else
                    repairs.RemovedCharacters++;
                return end + 1;
            }
        }
        output.Append("&amp;");
        return 1;
    }

    private static int? CodePoint(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 1 && digits[0] == 'x';
        var number = hex ? digits[1..] : digits;
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        return int.TryParse(number, style, CultureInfo.InvariantCulture, out var code) && code <= 0x10FFFF ? code : null;
    }

    // The characters that need a look: the markup ones given, and every character XML forbids
    // (surrogates included, since only a pair is allowed).
    private static string Specials(string markup)
    {
        var chars = new List<char>(markup);
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not (0x9 or 0xA or 0xD))
                chars.Add((char)c);
        }
        for (var c = 0xD800; c <= 0xDFFF; c++)
            chars.Add((char)c);
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string([.. chars]);
    }
}
