namespace FeedAggregator.Parsing;

/// <summary>What parsing returns instead of throwing: a feed, or a clear error.</summary>
public sealed record ParseResult
{
    public ParsedFeed? Feed { get; private init; }
    public string? Error { get; private init; }

    /// <summary>On a failure, the format when it was detected before the document failed.</summary>
    public FeedFormat? Format { get; private init; }

    public bool IsSuccess => Feed is not null;

    public static ParseResult Success(ParsedFeed feed) => new() { Feed = feed };

    public static ParseResult Failure(string error, FeedFormat? format = null) => new() { Error = error, Format = format };
}
