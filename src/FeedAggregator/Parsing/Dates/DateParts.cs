namespace FeedAggregator.Parsing.Dates;

/// <summary>Builds a date from its parts, checking every range instead of letting a constructor throw.</summary>
internal static class DateParts
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool IsPlausibleYear(int year) => year is > 1 and < 9999;

    public static bool TryCreate(
        int year, int month, int day, int hour, int minute, int second, long fractionTicks, TimeSpan offset,
        out DateTimeOffset value)
    {
        value = default;
        if (!IsPlausibleYear(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60)
            return false;
        if (offset.Duration() > MaxOffset || offset.Ticks % TimeSpan.TicksPerMinute != 0)
            return false;

        // A leap second (":60") is read as the last second of the minute.
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        value = new DateTimeOffset(local.AddTicks(fractionTicks), offset).ToUniversalTime();
        return true;
    }

    /// <summary>"+0100", "-05:00", "+01", "GMT+1", "UTC-0330", "PST", "Z" -> offset.</summary>
    public static bool TryParseZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 0)
            return true;
        if (TimeZoneAbbreviations.TryGetOffset(zone, out offset))
            return true;

        var sign = zone.IndexOfAny(['+', '-']);
        if (sign < 0)
            return false;
        if (sign > 0 && !TimeZoneAbbreviations.TryGetOffset(zone[..sign], out _))
            return false;

        var digits = zone[(sign + 1)..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is 0 or > 4 || !digits.All(char.IsAsciiDigit))
            return false;

        int hours, minutes = 0;
        if (digits.Length <= 2)
            hours = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        else
        {
            digits = digits.PadLeft(4, '0');
            hours = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
            minutes = int.Parse(digits[2..], System.Globalization.CultureInfo.InvariantCulture);
        }
        if (minutes > 59)
            return false;

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[sign] == '-')
            offset = offset.Negate();
        return true;
    }

    /// <summary>Up to seven fraction digits as ticks ("5" is half a second).</summary>
    public static long FractionTicks(string digits)
    {
        if (digits.Length == 0)
            return 0;
        var seven = digits.Length > 7 ? digits[..7] : digits.PadRight(7, '0');
        return long.Parse(seven, System.Globalization.CultureInfo.InvariantCulture);
    }
}
