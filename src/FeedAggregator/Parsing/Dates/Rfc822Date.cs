using System.Globalization;

namespace FeedAggregator.Parsing.Dates;

/// <summary>
/// RFC 822 / 1123 dates as feeds write them: "Sat, 27 Jan 2024 10:00:00 GMT" and its variants
/// (no weekday, full names, single-digit day, two-digit year, no seconds, month before day,
/// "27-Jan-2024", named or numeric zones, a trailing "(UTC)" comment, no zone at all).
/// </summary>
internal static class Rfc822Date
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june",
         "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var tokens = Tokenize(text);
        var i = 0;
        if (i < tokens.Count && IsName(tokens[i], Weekdays))
            i++;

        int day, month;
        if (i + 1 < tokens.Count && TryDay(tokens[i], out day) && TryMonth(tokens[i + 1], out month))
            i += 2;
        else if (i + 1 < tokens.Count && TryMonth(tokens[i], out month) && TryDay(tokens[i + 1], out day))
            i += 2;
        else
            return false;

        if (i >= tokens.Count || !TryYear(tokens[i++], out var year))
            return false;

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        if (i < tokens.Count && tokens[i].Contains(':', StringComparison.Ordinal)
            && !TryTime(tokens[i++], out hour, out minute, out second, out fraction))
            return false;

        // The first remaining token is the zone; anything after it is noise we tolerate.
        var zone = i < tokens.Count ? tokens[i] : "";
        return DateParts.TryParseZone(zone, out var offset)
            && DateParts.TryCreate(year, month, day, hour, minute, second, fraction, offset, out value);
    }

    private static List<string> Tokenize(string text)
    {
        var comment = text.IndexOf('(', StringComparison.Ordinal);
        if (comment > 0)
            text = text[..comment];

        var tokens = new List<string>();
        foreach (var raw in text.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            // "27-Jan-2024" is three tokens; "-0500" is one.
            if (raw.Length > 0 && char.IsAsciiDigit(raw[0]) && raw.Count(c => c == '-') == 2)
            {
                tokens.AddRange(raw.Split('-'));
                continue;
            }

            // A zone glued to the time: "10:00:00Z", "10:00:00+0100", "10:00GMT".
            var glued = raw.Contains(':', StringComparison.Ordinal)
                ? raw.AsSpan().IndexOfAnyExcept("0123456789:.")
                : -1;
            if (glued > 0)
            {
                tokens.Add(raw[..glued]);
                tokens.Add(raw[glued..]);
            }
            else
            {
                tokens.Add(raw);
            }
        }
        return tokens;
    }

    private static bool IsName(string token, string[] names) => IndexOfName(token, names) >= 0;

    // A name matches by prefix of at least three letters: "Sat", "Saturday", "Sept", "Thurs".
    private static int IndexOfName(string token, string[] names)
    {
        var word = token.TrimEnd('.');
        if (word.Length < 3 || !word.All(char.IsAsciiLetter))
            return -1;
        return Array.FindIndex(names, name => name.StartsWith(word, StringComparison.OrdinalIgnoreCase));
    }

    private static bool TryMonth(string token, out int month)
    {
        month = IndexOfName(token, Months) + 1;
        return month > 0;
    }

    private static bool TryDay(string token, out int day) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out day) && token.Length <= 2;

    private static bool TryYear(string token, out int year)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out year))
            return false;
        if (token.Length == 2)
            year += year < 50 ? 2000 : 1900; // RFC 2822 section 4.3
        return token.Length is 2 or 4;
    }

    private static bool TryTime(string token, out int hour, out int minute, out int second, out long fraction)
    {
        hour = minute = second = 0;
        fraction = 0;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            if (!token[(dot + 1)..].All(char.IsAsciiDigit))
                return false;
            fraction = DateParts.FractionTicks(token[(dot + 1)..]);
            token = token[..dot];
        }

        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)))
            return false;

        hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        second = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        return true;
    }
}
