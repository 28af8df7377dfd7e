using System.Text;
using System.Text.RegularExpressions;

namespace FeedAggregator.Parsing.Text;

/// <summary>Reads the encoding named in "&lt;?xml ... encoding="..."?&gt;" from the raw bytes.</summary>
internal static partial class XmlDeclaration
{
    /// <summary>How far past its start the declaration is looked for.</summary>
    public const int MaxDeclarationBytes = 512;

    public static string? SniffEncoding(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || !bytes[start..].StartsWith("<?xml"u8))
            return null;

        var head = bytes[start..];
        head = head[..Math.Min(head.Length, MaxDeclarationBytes)];
        var end = head.IndexOf("?>"u8);
        if (end < 0)
            return null;

        var match = EncodingPattern().Match(Encoding.ASCII.GetString(head[..end]));
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""encoding\s*=\s*["'](?<name>[A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingPattern();
}
