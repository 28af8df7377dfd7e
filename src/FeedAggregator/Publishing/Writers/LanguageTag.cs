using System.Text.RegularExpressions;

namespace FeedAggregator.Publishing.Writers;

/// <summary>Keeps a language only when it is a well-formed tag (xml:lang and Atom's RELAX NG reject anything else).</summary>
internal static partial class LanguageTag
{
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var tag = language.Trim().Replace('_', '-');
        return WellFormed().IsMatch(tag) ? tag : null;
    }

    // RFC 3066 / BCP 47 shape, as atom.rnc's atomLanguageTag.
    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
