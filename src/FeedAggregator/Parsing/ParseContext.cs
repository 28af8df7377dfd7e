using FeedAggregator.Parsing.Dates;

namespace FeedAggregator.Parsing;

/// <summary>What one parse carries along: the limits, the document URL and the warnings so far.</summary>
internal sealed class ParseContext(ParsingOptions options, Uri? documentUrl)
{
    // A feed with 5000 bad dates needs one line of warning per kind, not 5000.
    private const int MaxWarnings = 25;
    private readonly List<string> _warnings = [];
    private int _dropped;

    public ParsingOptions Options => options;
    public Uri? DocumentUrl => documentUrl;

    /// <summary>What is kept of each entry read (see <see cref="EntryList"/>); all of it when null.</summary>
    public Func<ParsedEntry, ParsedEntry?>? KeepEntry { get; init; }

    /// <summary>The XML error that stopped the walk early (see <see cref="CompleteXml"/>); null when none did.</summary>
    public string? XmlError { get; private set; }

    /// <summary>How many warnings there are so far: a point to <see cref="Restart"/> from.</summary>
    public int WarningCount => _warnings.Count + _dropped;

    /// <summary>A fresh context with the warnings given before <paramref name="mark"/> (decoding, entities), for a second reading.</summary>
    public ParseContext Restart(int mark)
    {
        var restarted = new ParseContext(options, documentUrl) { KeepEntry = KeepEntry };
        restarted._warnings.AddRange(_warnings.Take(mark));
        return restarted;
    }

    /// <summary>A list for the entries of this parse.</summary>
    public EntryList NewEntryList() => new(options.MaxEntries, KeepEntry);

    public void Warn(string message)
    {
        if (_warnings.Count < MaxWarnings)
            _warnings.Add(message);
        else
            _dropped++;
    }

    public IReadOnlyList<string> Warnings =>
        _dropped == 0 ? _warnings.ToArray() : [.. _warnings, $"and {_dropped} more warnings"];

    /// <summary>The first readable date among the candidates (UTC); a warning for each unreadable one.</summary>
    public DateTimeOffset? Date(string? entryName, params ReadOnlySpan<(string Field, string? Text)> candidates)
    {
        foreach (var (field, text) in candidates)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (FeedDateParser.TryParse(text, out var value))
                return value;
            Warn($"unreadable {field} \"{Shorten(text.Trim())}\" in entry \"{Shorten(entryName ?? "(untitled)")}\"; left empty");
        }
        return null;
    }

    /// <summary>The parse result: entries kept, warnings added for the limit and for an early break.</summary>
    public ParseResult Complete(ParsedFeed feed, EntryList entries, string? breakMessage)
    {
        if (breakMessage is not null)
        {
            // A feed cut off before its first entry still says what it is when its title was read.
            if (entries.Count == 0 && feed.Title is null)
                return ParseResult.Failure(breakMessage);
            Warn($"{breakMessage}; kept the {entries.Count} entries read before it");
        }
        if (entries.LimitWarning() is { } limit)
            Warn(limit);
        return ParseResult.Success(feed with { Entries = entries.Items, Warnings = Warnings });
    }

    /// <summary><see cref="Complete"/> for an XML walk; remembers the error that stopped it, for the recovery path.</summary>
    public ParseResult CompleteXml(ParsedFeed feed, EntryList entries, System.Xml.XmlException? error)
    {
        XmlError = error is null ? null : Xml.XmlErrorText.Printable(error.Message);
        return Complete(feed, entries, XmlError is null ? null : $"malformed or cut-off XML: {XmlError}");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
