using System.Globalization;

namespace FeedAggregator.Worker.Cli;

/// <summary>Dates as the CLI prints them: ISO 8601, UTC, whole seconds, with Z.</summary>
internal static class IsoDate
{
    public static string? Format(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
