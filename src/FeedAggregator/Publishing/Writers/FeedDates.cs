using System.Globalization;

namespace FeedAggregator.Publishing.Writers;

/// <summary>The date formats JSON Feed and the HTML page use, always in UTC (Syndication writes Atom's and RSS's).</summary>
internal static class FeedDates
{
    /// <summary>RFC 3339 with Z, as Atom and JSON Feed want: 2024-01-27T10:00:00Z.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For people: 27 Jan 2024, 10:00 UTC.</summary>
    public static string Readable(DateTimeOffset value) =>
        value.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
