namespace FeedAggregator.Parsing;

/// <summary>
/// The entries read so far, capped at the configured maximum; the rest are only counted. A
/// streamed parse (<see cref="StreamedFeed"/>) gives each entry to <paramref name="keep"/>, which
/// says what is kept of it: a smaller entry, or nothing once it has been handed on.
/// </summary>
internal sealed class EntryList(int maxEntries, Func<ParsedEntry, ParsedEntry?>? keep = null)
{
    private readonly List<ParsedEntry> _entries = [];

    public int Skipped { get; private set; }
    public bool IsFull => Count >= maxEntries;
    public int Count { get; private set; }
    public IReadOnlyList<ParsedEntry> Items => _entries;

    public void Add(ParsedEntry entry)
    {
        if (IsFull)
        {
            Skipped++;
            return;
        }

        Count++;
        if ((keep is null ? entry : keep(entry)) is { } kept)
            _entries.Add(kept);
    }

    public void Skip() => Skipped++;

    /// <summary>The warning to report when entries were dropped, else null.</summary>
    public string? LimitWarning() => Skipped == 0
        ? null
        : $"the feed has {Count + Skipped} entries, more than the limit of {maxEntries}; kept the first {maxEntries}";
}
