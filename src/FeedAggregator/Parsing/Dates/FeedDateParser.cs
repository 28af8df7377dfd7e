using System.Globalization;

namespace FeedAggregator.Parsing.Dates;

/// <summary>
/// Reads the dates feeds really carry: RFC 822 with its common deviations (RSS) and ISO 8601 /
/// W3CDTF (Atom, JSON Feed, Dublin Core). Every result is UTC (offset zero). A value without a
/// zone is taken as UTC: it is the least surprising guess for a machine-written date.
/// </summary>
public static class FeedDateParser
{
    /// <summary>The date in UTC, or null when the text is absent or not a date we can read.</summary>
    public static DateTimeOffset? Parse(string? text) => TryParse(text, out var value) ? value : null;

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var span = text.AsSpan().Trim();
        if (CommonDateShapes.TryParse(span, out value))
            return true;

        var trimmed = span.Length == text.Length ? text : span.ToString();
        var parsed = char.IsAsciiDigit(trimmed[0]) && Iso8601Date.TryParse(trimmed, out value)
            || Rfc822Date.TryParse(trimmed, out value)
            || TryInvariant(trimmed, out value);
        if (parsed)
            value = value.ToUniversalTime();
        return parsed;
    }

    // Last resort for shapes neither grammar covers (e.g. "01/27/2024 10:00:00 +00:00").
    private static bool TryInvariant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal,
            out value)
        && DateParts.IsPlausibleYear(value.Year);
}
