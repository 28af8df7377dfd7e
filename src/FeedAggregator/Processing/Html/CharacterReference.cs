using AngleSharp.Html;

namespace FeedAggregator.Processing.Html;

/// <summary>
/// Character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>, <c>&amp;eacute;</c>) as the fast path reads them: only
/// the forms whose meaning is certain. Names come from AngleSharp's HTML5 table, the one the
/// parser of the slow path uses. A reference the HTML tokenizer would read in a special way (no
/// semicolon, a legacy name as a prefix, a code point it replaces) is <see cref="Outcome.Unsure"/>
/// and the caller hands the document to the full parser.
/// </summary>
internal static class CharacterReference
{
    public enum Outcome
    {
        /// <summary>The ampersand is a literal character (no reference starts here).</summary>
        Literal,

        /// <summary>A reference, decoded.</summary>
        Decoded,

        /// <summary>Read by the tokenizer in a way the fast path does not reproduce.</summary>
        Unsure,
    }

    // The longest name of the legacy table (references allowed without a semicolon: "curren", "middot").
    private const int LegacyNameMaxLength = 6;
    private const int NameMaxLength = 32;

    /// <summary>Reads the reference at <paramref name="text"/>[0] (an ampersand).</summary>
    /// <param name="value">The decoded characters.</param>
    /// <param name="length">The characters read, ampersand and semicolon included.</param>
    public static Outcome Read(ReadOnlySpan<char> text, bool inAttribute, out string value, out int length)
    {
        value = "";
        length = 1;
        if (text.Length < 2)
            return Outcome.Literal;
        if (text[1] == '#')
            return ReadNumeric(text, out value, out length);
        if (!char.IsAsciiLetterOrDigit(text[1]))
            return Outcome.Literal;

        var end = 1;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            end++;
        var name = text[1..end];
        if (end < text.Length && text[end] == ';' && name.Length <= NameMaxLength && Common(name) is { } common)
        {
            (value, length) = (common, end + 1);
            return Outcome.Decoded;
        }

        if (end < text.Length && text[end] == ';' && name.Length <= NameMaxLength
            && HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";")) is { Length: > 0 } symbol)
        {
            (value, length) = (symbol, end + 1);
            return Outcome.Decoded;
        }

        // Not a reference with a semicolon: the tokenizer still reads a legacy name at its start ("&copy2024").
        if (HasLegacyPrefix(name))
            return inAttribute && !IsDecodedInAttribute(text, name, end) ? Outcome.Literal : Outcome.Unsure;
        return Outcome.Literal;
    }

    private static bool IsDecodedInAttribute(ReadOnlySpan<char> text, ReadOnlySpan<char> name, int end)
    {
        // In an attribute, a legacy name followed by a letter, a digit or "=" stays as written ("?a=1&copy=2").
        // Which prefix matched decides the rest; the whole run matching is the only case that would decode.
        return LegacyLength(name) == name.Length && (end >= text.Length || text[end] != '=');
    }

    private static bool HasLegacyPrefix(ReadOnlySpan<char> name) => LegacyLength(name) > 0;

    private static int LegacyLength(ReadOnlySpan<char> name)
    {
        for (var length = Math.Min(name.Length, LegacyNameMaxLength); length > 0; length--)
        {
            if (HtmlEntityProvider.Resolver.GetSymbol(name[..length].ToString()) is { Length: > 0 })
                return length;
        }

        return 0;
    }

    private static string? Common(ReadOnlySpan<char> name) => name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u00A0",
        _ => null,
    };

    private static Outcome ReadNumeric(ReadOnlySpan<char> text, out string value, out int length)
    {
        value = "";
        length = 1;
        var hex = text.Length > 2 && text[2] is 'x' or 'X';
        var start = hex ? 3 : 2;
        var end = start;
        var code = 0;
        while (end < text.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
        {
            var c = text[end];
            code = code * (hex ? 16 : 10) + (char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
            end++;
        }

        if (end == start || end >= text.Length || text[end] != ';' || !IsPlain(code))
            return Outcome.Unsure;
        value = char.ConvertFromUtf32(code);
        length = end + 1;
        return Outcome.Decoded;
    }

    /// <summary>Code points the tokenizer takes as written: not NUL, controls, surrogates, noncharacters or C1 (remapped to Windows-1252).</summary>
    private static bool IsPlain(int code) =>
        code is 0x09 or 0x0A
        || (code >= 0x20 && code <= 0x7E)
        || (code >= 0xA0 && code <= 0xD7FF)
        || (code >= 0xE000 && code <= 0x10FFFF && code is not (>= 0xFDD0 and <= 0xFDEF) && (code & 0xFFFE) != 0xFFFE);
}
