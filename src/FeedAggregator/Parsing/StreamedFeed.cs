namespace FeedAggregator.Parsing;

/// <summary>
/// A parsed document whose entries are handed on one at a time rather than held together, for a
/// caller that handles each entry on its own (<c>feedagg parse</c> of a large document). The
/// feed in <see cref="Result"/> is what <see cref="FeedParser.Parse"/> reads, except that its
/// entries carry no summary and no content; <see cref="ForEachEntry"/> reads the document again
/// and gives each entry whole, in order, so one entry's content is in memory at a time. A
/// document that cannot be read so (JSON, or XML that needs repair or recovery) is held whole.
/// </summary>
public sealed class StreamedFeed
{
    private readonly Func<Action<ParsedEntry>, string?>? _readAgain;

    private StreamedFeed(ParseResult result, Func<Action<ParsedEntry>, string?>? readAgain) => (Result, _readAgain) = (result, readAgain);

    public ParseResult Result { get; }

    /// <summary>True when the entries of <see cref="Result"/> lack their summary and content, read again by <see cref="ForEachEntry"/>.</summary>
    public bool IsStreamed => _readAgain is not null;

    internal static StreamedFeed Whole(ParseResult result) => new(result, null);

    internal static StreamedFeed Streamed(ParseResult result, Func<Action<ParsedEntry>, string?> readAgain) => new(result, readAgain);

    /// <summary>
    /// Gives each entry of the feed, whole, to <paramref name="onEntry"/>, in document order.
    /// Returns null, or, when the document read otherwise the second time (a file rewritten in
    /// place meanwhile), a warning that says so and how many entries were handed on before.
    /// </summary>
    public string? ForEachEntry(Action<ParsedEntry> onEntry)
    {
        if (_readAgain is not null)
            return _readAgain(onEntry);

        foreach (var entry in Result.Feed?.Entries ?? [])
            onEntry(entry);
        return null;
    }
}
