using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>One feed poll to store: the feed's new poll state and, when a document was parsed, its articles.</summary>
/// <param name="Articles">Null when only the poll state changes.</param>
/// <param name="DocumentKeys">
/// The keys of every entry of the document, when <paramref name="Articles"/> holds only some (the
/// new and changed ones): an entry still in the document is never taken for one whose guid changed.
/// </param>
/// <param name="PollState">
/// False for content a WebSub hub pushed: only the articles are written; the feed's row is the
/// poll's, and a push must not overwrite what a poll wrote meanwhile.
/// </param>
public sealed record DocumentWrite(
    Feed Feed, IReadOnlyList<Article>? Articles, DateTimeOffset Now, IReadOnlyCollection<string>? DocumentKeys = null, bool PollState = true);

/// <summary>What storing one <see cref="DocumentWrite"/> came to: its summary, or the storage error that refused it.</summary>
public sealed record StoreOutcome(StoreSummary? Summary, Exception? Error = null);
