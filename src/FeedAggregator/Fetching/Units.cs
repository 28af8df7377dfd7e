using System.Globalization;

namespace FeedAggregator.Fetching;

/// <summary>Sizes and durations as people write them in error messages ("16 MB", "30 s").</summary>
internal static class Units
{
    private const long Mebibyte = 1024 * 1024;

    public static string Bytes(long bytes) => bytes switch
    {
        >= Mebibyte when bytes % Mebibyte == 0 => Invariant($"{bytes / Mebibyte} MB"),
        >= 1024 when bytes % 1024 == 0 => Invariant($"{bytes / 1024} KB"),
        _ => Invariant($"{bytes} bytes"),
    };

    public static string Duration(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? Invariant($"{duration.TotalSeconds:0.###} s")
            : Invariant($"{duration.TotalMilliseconds:0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
