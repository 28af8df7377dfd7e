namespace FeedAggregator.Parsing;

/// <summary>The entries read so far, capped at the configured maximum; the rest are only counted.</summary>
internal sealed class EntryList(int maxEntries)
{
    private readonly List<ParsedEntry> _entries = [];

    public int Skipped { get; private set; }
    public bool IsFull => _entries.Count >= maxEntries;
    public int Count => _entries.Count;
    public IReadOnlyList<ParsedEntry> Items => _entries;

    public void Add(ParsedEntry entry)
    {
        if (IsFull)
            Skipped++;
        else
            _entries.Add(entry);
    }

    public void Skip() => Skipped++;

    /// <summary>The warning to report when entries were dropped, else null.</summary>
    public string? LimitWarning() => Skipped == 0
        ? null
        : $"the feed has {_entries.Count + Skipped} entries, more than the limit of {maxEntries}; kept the first {maxEntries}";
}
