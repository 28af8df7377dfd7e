using System.Globalization;

namespace FeedAggregator.Publishing.Writers;

/// <summary>A count with its noun in the right number: "1 error", "2 errors", "1,234 articles".</summary>
public static class Plural
{
    public static string Of(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
