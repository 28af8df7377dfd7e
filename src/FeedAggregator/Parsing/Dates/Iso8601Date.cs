using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedAggregator.Parsing.Dates;

/// <summary>ISO 8601 / W3CDTF: "2024-01-27", "2024-01-27T10:00Z", "2024-01-27 10:00:00.123+01:00".</summary>
internal static partial class Iso8601Date
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Pattern().Match(text);
        if (!match.Success)
            return false;

        if (!DateParts.TryParseZone(match.Groups["zone"].Value, out var offset))
            return false;

        return DateParts.TryCreate(
            Number(match, "year", 1),
            Number(match, "month", 1),
            Number(match, "day", 1),
            Number(match, "hour", 0),
            Number(match, "minute", 0),
            Number(match, "second", 0),
            DateParts.FractionTicks(match.Groups["fraction"].Value),
            offset,
            out value);
    }

    private static int Number(Match match, string group, int absent) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : absent;

    [GeneratedRegex(
        """
        ^(?<year>\d{4})(?:-(?<month>\d{2})(?:-(?<day>\d{2})
        (?:[Tt\x20](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?
        \x20?(?<zone>[Zz]|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?)?)?)?)?$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
