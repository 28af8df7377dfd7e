using FeedAggregator.Model;
using FeedAggregator.Parsing;

namespace FeedAggregator.Worker.Cli;

/// <summary>One input of <c>feedagg parse</c>: the parsed feed and its processed articles, or an error.</summary>
internal sealed record ParseOutcome(string Source, ParsedFeed? Feed, IReadOnlyList<Article> Articles, string? Error)
{
    public bool Ok => Feed is not null;

    /// <summary>The titles the feed declares as markup, sanitized; plain-text titles are not here.</summary>
    public MarkupTitles Titles { get; init; } = MarkupTitles.None;

    /// <summary>What parsing tolerated and processing cut, as the feed's status would show it (the parser's alone unless set).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Feed?.Warnings ?? [];

    public static ParseOutcome Failed(string source, string error) => new(source, null, [], error);
}
