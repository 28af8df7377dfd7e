namespace FeedAggregator.Parsing;

/// <summary>Collecting an entry's authors or categories: a handful of values, so a list scan beats a set.</summary>
internal static class DistinctValues
{
    public static void Add(List<string> values, string? value)
    {
        if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            values.Add(value);
    }
}
