using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>The articles. All SQL about articles lives behind this.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Stores one poll's articles and the feed's new poll state in one transaction. An article
    /// is identified by (feed, key): a new one is added, a changed one updated in place (its
    /// public id kept), an unchanged one not written at all.
    /// </summary>
    Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several polls at once, each as <see cref="SaveAsync"/> would (all or nothing per
    /// poll), with fewer commits; one outcome per write, in order.
    /// </summary>
    Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// What the feed has stored of a document's entries, before they are processed: the raw hash
    /// under each of <paramref name="keys"/>, and those keys and <paramref name="urls"/> that
    /// retention removed. One query per document.
    /// </summary>
    Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken);

    /// <summary>The newest articles of all feeds, newest first, each with its source feed.</summary>
    Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the articles that match <paramref name="filter"/>, newest first (the merged
    /// feed's order), and the number that match in all.
    /// </summary>
    Task<ArticlePage> QueryAsync(ArticleFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The newest stories, newest first: each is its earliest article (the primary) and the
    /// articles of other sources grouped with it, earliest first.
    /// </summary>
    Task<IReadOnlyList<StoredStory>> GetNewestStoriesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Every article of the story an article belongs to, earliest first; empty when there is no such article.</summary>
    Task<IReadOnlyList<(Article Article, Feed Source)>> GetStoryAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The store id of the article with this public id, if any.</summary>
    Task<long?> FindIdAsync(string publicId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the articles dated before <paramref name="cutoff"/>, except each feed's
    /// <paramref name="keepPerFeed"/> newest, and leaves a tombstone for each, so that a later
    /// poll never adds them again. Returns how many were removed.
    /// </summary>
    Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many articles each feed has, by feed id.</summary>
    Task<IReadOnlyDictionary<long, int>> CountByFeedAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes whenever any article is added, changed or removed.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The articles first seen at or after <paramref name="since"/>, counted per hour (UTC) of
    /// first sight: the key is the start of the hour. Hours with none are absent.
    /// </summary>
    Task<IReadOnlyDictionary<DateTimeOffset, int>> CountNewByHourAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The number of articles stored and the size of the database, for metrics.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}

/// <summary>How large the store is.</summary>
/// <param name="Bytes">The database's size (SQLite: its pages, the write-ahead log not counted).</param>
public sealed record StoreStatistics(long Articles, long Bytes);

/// <summary>What one save did.</summary>
/// <param name="Merged">Of the added articles, those that joined a story another article started.</param>
public sealed record StoreSummary(int Added, int Updated, int Unchanged, int Merged = 0)
{
    public bool Changed => Added + Updated > 0;
}
