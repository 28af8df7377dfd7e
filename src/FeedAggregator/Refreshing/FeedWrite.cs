using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>
/// What one feed's poll leaves to store, in one transaction: its poll state and, when a document
/// was parsed, the articles made of its new or changed entries.
/// </summary>
/// <param name="Articles">Null when only the poll state changes.</param>
/// <param name="Entries">Entries in the document.</param>
/// <param name="Skipped">Entries recognised as unchanged (or removed by retention) before processing.</param>
/// <param name="Held">Not fetched: its host is under a server's Retry-After.</param>
/// <param name="DocumentKeys">The keys of all the document's entries, the skipped ones too.</param>
/// <param name="Pushed">Content a WebSub hub pushed: its articles are stored, the feed's poll state is left as the poll wrote it.</param>
/// <param name="Outcome">What the poll came to, for the polls metric.</param>
public sealed record FeedWrite(
    Feed Feed, DateTimeOffset Now, IReadOnlyList<Article>? Articles = null, int Entries = 0, int Skipped = 0, bool Held = false,
    IReadOnlyList<string>? DocumentKeys = null, bool Pushed = false, PollOutcome? Outcome = null)
{
    /// <summary>The result when no articles are written.</summary>
    public RefreshResult Result => new(Feed, Held: Held, Outcome: Outcome);
}
