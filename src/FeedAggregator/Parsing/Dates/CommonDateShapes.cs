namespace FeedAggregator.Parsing.Dates;

/// <summary>
/// The two shapes nearly every feed writes, read without allocating: RFC 1123
/// ("Sat, 27 Jan 2024 10:00:00 GMT" or "+0100") and ISO 8601 in full ("2024-01-27T10:00:00Z",
/// "2024-01-27T10:00:00.123+01:00"). Anything else goes to the forgiving grammars.
/// </summary>
internal static class CommonDateShapes
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        return text.Length >= 20 && (char.IsAsciiDigit(text[0]) ? TryIso(text, out value) : TryRfc1123(text, out value));
    }

    // "Sat, 27 Jan 2024 10:00:00 GMT": weekday, day of one or two digits, month, year, time, zone.
    private static bool TryRfc1123(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 25 || text[3] != ',' || text[4] != ' ' || !char.IsAsciiLetter(text[0]))
            return false;
        var rest = text[5..];
        var dayLength = rest.Length > 1 && rest[1] == ' ' ? 1 : 2;
        if (!TryNumber(rest[..dayLength], out var day) || rest.Length < dayLength + 21 || rest[dayLength] != ' ')
            return false;
        rest = rest[(dayLength + 1)..];
        var month = MonthOf(rest[..3]);
        if (month == 0 || rest[3] != ' ' || !TryNumber(rest.Slice(4, 4), out var year) || rest[8] != ' '
            || !TryTime(rest.Slice(9, 8), out var hour, out var minute, out var second) || rest[17] != ' ')
            return false;
        return TryZone(rest[18..], out var offset)
            && DateParts.TryCreate(year, month, day, hour, minute, second, 0, offset, out value);
    }

    // "2024-01-27T10:00:00Z", with optional fraction and a numeric zone.
    private static bool TryIso(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text[4] != '-' || text[7] != '-' || text[10] is not ('T' or 't')
            || !TryNumber(text[..4], out var year) || !TryNumber(text.Slice(5, 2), out var month) || !TryNumber(text.Slice(8, 2), out var day)
            || !TryTime(text.Slice(11, 8), out var hour, out var minute, out var second))
            return false;

        var rest = text[19..];
        long fraction = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = rest[1..].IndexOfAnyExceptInRange('0', '9');
            if (digits is 0 or -1)
                return false;
            for (var i = 0; i < 7; i++)
                fraction = fraction * 10 + (i < digits ? rest[1 + i] - '0' : 0);
            rest = rest[(1 + digits)..];
        }
        return TryZone(rest, out var offset)
            && DateParts.TryCreate(year, month, day, hour, minute, second, fraction, offset, out value);
    }

    private static bool TryTime(ReadOnlySpan<char> text, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        return TryNumber(text[..2], out hour) && text[2] == ':' && TryNumber(text.Slice(3, 2), out minute)
            && text[5] == ':' && TryNumber(text.Slice(6, 2), out second);
    }

    // "Z", "GMT", "UT", "UTC", "+0100", "-05:00"; named zones other than those go the slow way.
    private static bool TryZone(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "GMT" or "UT" or "UTC" or "z")
            return true;
        if (zone.Length is not (5 or 6) || zone[0] is not ('+' or '-'))
            return false;
        var colon = zone.Length == 6;
        if (colon && zone[3] != ':')
            return false;
        if (!TryNumber(zone.Slice(1, 2), out var hours) || !TryNumber(zone.Slice(colon ? 4 : 3, 2), out var minutes) || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
            offset = offset.Negate();
        return true;
    }

    private static int MonthOf(ReadOnlySpan<char> name)
    {
        ReadOnlySpan<string> months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        for (var i = 0; i < months.Length; i++)
        {
            if (name.Equals(months[i], StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }
        return 0;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            number = number * 10 + (c - '0');
        }
        return digits.Length > 0;
    }
}
