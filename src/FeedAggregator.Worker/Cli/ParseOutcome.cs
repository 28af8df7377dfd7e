using FeedAggregator.Model;
using FeedAggregator.Parsing;

namespace FeedAggregator.Worker.Cli;

/// <summary>One input of <c>feedagg parse</c>: the parsed feed and the way to its processed articles, or an error.</summary>
internal sealed record ParseOutcome(string Source, ParsedFeed? Feed, string? Error)
{
    public bool Ok => Feed is not null;

    /// <summary>The titles the feed declares as markup, sanitized; plain-text titles are not here.</summary>
    public MarkupTitles Titles { get; init; } = MarkupTitles.None;

    /// <summary>
    /// What parsing tolerated and, once <see cref="ForEachArticle"/> has run, what processing cut,
    /// as the feed's status would show it.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = Feed?.Warnings ?? [];

    /// <summary>
    /// Gives each article, processed, with its markup title, in document order. Each is processed
    /// as the parser hands its entry on (<see cref="StreamedFeed"/>), so a large document's
    /// articles are never all in memory at once. Runs once.
    /// </summary>
    public Action<Action<Article, string?>> ForEachArticle { get; init; } = _ => { };

    /// <summary>The document is read again by <see cref="ForEachArticle"/> (<see cref="StreamedFeed"/>), its articles never held together.</summary>
    public bool IsStreamed { get; init; }

    /// <summary>The file a streamed document is read again from; disposed once its line is written.</summary>
    public IDisposable? Document { get; init; }

    public static ParseOutcome Failed(string source, string error) => new(source, null, error);
}
