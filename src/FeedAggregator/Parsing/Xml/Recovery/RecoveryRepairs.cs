namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>What the tolerant re-reader changed in a document, counted to be told in one warning.</summary>
internal sealed class RecoveryRepairs
{
    public SortedSet<string> DeclaredPrefixes { get; } = new(StringComparer.Ordinal);
    public int RemovedCharacters { get; set; }
    public int ClosedElements { get; set; }
    public int StrayEndTags { get; set; }
    public int StrayLessThans { get; set; }
    public int DroppedAttributes { get; set; }
    public int TooDeep { get; set; }
    public bool CutEntryDropped { get; set; }

    /// <summary>The document ended with elements still open: it was cut off.</summary>
    public bool EndedOpen { get; set; }
    public bool StoppedAtLimit { get; set; }

    /// <summary>The repairs in words, or null when nothing needed one (the error was elsewhere).</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (DeclaredPrefixes.Count > 0)
            parts.Add($"declared the undeclared prefix{(DeclaredPrefixes.Count > 1 ? "es" : "")} {string.Join(", ", DeclaredPrefixes.Take(8))}");
        if (RemovedCharacters > 0)
            parts.Add($"removed {RemovedCharacters} character{Plural(RemovedCharacters)} XML forbids");
        if (ClosedElements > 0)
            parts.Add($"closed {ClosedElements} unclosed element{Plural(ClosedElements)}");
        if (StrayEndTags > 0)
            parts.Add($"dropped {StrayEndTags} end tag{Plural(StrayEndTags)} that closed nothing");
        if (StrayLessThans > 0)
            parts.Add($"read {StrayLessThans} stray \"<\" as text");
        if (DroppedAttributes > 0)
            parts.Add($"dropped {DroppedAttributes} malformed or repeated attribute{Plural(DroppedAttributes)}");
        if (TooDeep > 0)
            parts.Add($"flattened {TooDeep} element{Plural(TooDeep)} nested deeper than {XmlLimits.MaxDepth}");
        if (CutEntryDropped)
            parts.Add("dropped the last entry, cut off by the end of the document");
        if (StoppedAtLimit)
            parts.Add("stopped at the document size limit");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Plural(int count) => count == 1 ? "" : "s";
}
