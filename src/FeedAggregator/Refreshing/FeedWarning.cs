namespace FeedAggregator.Refreshing;

/// <summary>A feed's warnings as the one line its status shows.</summary>
public static class FeedWarning
{
    // The status is a line in a table, not a log: the first warnings say enough.
    private const int MaxLength = 500;

    public static string? Of(IEnumerable<string> warnings)
    {
        var line = string.Join("; ", warnings.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()));
        if (line.Length == 0)
            return null;
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength - 1), "…");
    }
}
