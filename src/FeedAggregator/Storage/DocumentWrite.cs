using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>One feed poll to store: the feed's new poll state and, when a document was parsed, its articles.</summary>
/// <param name="Articles">Null when only the poll state changes.</param>
/// <param name="DocumentKeys">
/// The keys of every entry of the document, when <paramref name="Articles"/> holds only some (the
/// new and changed ones): an entry still in the document is never taken for one whose guid changed.
/// </param>
public sealed record DocumentWrite(Feed Feed, IReadOnlyList<Article>? Articles, DateTimeOffset Now, IReadOnlyCollection<string>? DocumentKeys = null);

/// <summary>What storing one <see cref="DocumentWrite"/> came to: its summary, or the storage error that refused it.</summary>
public sealed record StoreOutcome(StoreSummary? Summary, Exception? Error = null);
