using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The one writing connection of a process to the database, with its prepared statements. SQLite
/// has one writer at a time anyway: the stores run every hot write (articles, poll state,
/// retention) here, one after another (see <see cref="SqliteConnectionFactory.WriteAsync{T}"/>),
/// so the statements are compiled once and each row costs only its values and SQLite's own work.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly PreparedCommand _lookup;
    private readonly PreparedCommand _insert;
    private readonly PreparedCommand _update;
    private readonly PreparedCommand _touch;
    private readonly SearchIndexWrites _search;
    private readonly PreparedCommand _pollState;
    private readonly StoryIndex _stories;

    public StoreWriter(SqliteConnection connection)
    {
        _connection = connection;
        _lookup = new PreparedCommand(connection, DocumentLookup.Sql, DocumentLookup.Names);
        // The new row's id is chosen here (as SQLite would: the largest plus one, inside this
        // write transaction) so that an article that starts its own story is written once, with
        // story_id = id, rather than inserted and then rewritten. max(id) stands alone in its
        // subquery: only that form is one seek to the end of the rowid b-tree, not a scan.
        _insert = new PreparedCommand(connection, """
            INSERT INTO articles (id, feed_id, key, public_id, source_id, url, title, summary_html, content_html,
                                  authors, categories, enclosures, published_at, updated_at, language,
                                  content_hash, first_seen_at, last_changed_at, sort_at,
                                  story_id, story_match, story_score, fingerprint, raw_hash)
            SELECT n.id, @feedId, @key, @publicId, @sourceId, @url, @title, @summaryHtml, @contentHtml,
                   @authors, @categories, @enclosures, @publishedAt, @updatedAt, @language,
                   @contentHash, @now, @now, coalesce(@publishedAt, @now),
                   coalesce(@storyId, n.id), @storyMatch, @storyScore, @fingerprint, @rawHash
            FROM (SELECT coalesce((SELECT max(id) FROM articles), 0) + 1 AS id) AS n
            WHERE true
            ON CONFLICT (feed_id, key) DO NOTHING
            RETURNING id
            """, [.. ArticleRow.WriteNames, "publicId", "storyId", "storyMatch", "storyScore"]);
        // Same identity, new text: changed in place. The key, public id and story stay.
        _update = new PreparedCommand(connection, """
            UPDATE articles SET
                source_id = @sourceId, url = @url, title = @title, summary_html = @summaryHtml,
                content_html = @contentHtml, authors = @authors, categories = @categories,
                enclosures = @enclosures, published_at = @publishedAt,
                updated_at = CASE WHEN @updatedAt > coalesce(updated_at, 0) THEN @updatedAt ELSE @now END,
                language = @language, content_hash = @contentHash, last_changed_at = @now,
                sort_at = coalesce(@publishedAt, first_seen_at), fingerprint = @fingerprint, raw_hash = @rawHash
            WHERE id = @id
            """, [.. ArticleRow.WriteNames, "id"]);
        _touch = new PreparedCommand(connection, "UPDATE articles SET raw_hash = @rawHash WHERE id = @id", "rawHash", "id");
        _search = new SearchIndexWrites(connection);
        _pollState = new PreparedCommand(connection, FeedPollStateWriter.Sql, FeedPollState.Names);
        _stories = new StoryIndex(connection);
    }

    /// <summary>One feed document's articles and the feed's poll state, in one transaction.</summary>
    public StoreSummary Save(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, double threshold, DateTimeOffset storedAt)
    {
        return InTransaction(transaction => Save(transaction, new DocumentWrite(polledFeed, articles, now), threshold, storedAt));
    }

    /// <summary>
    /// Several documents in one transaction: what a backlog of the poll's writer costs less as
    /// (one commit, and one flush of the search index's new terms, for all of them). Each
    /// document is still all or nothing: when the batch fails, every document is written again
    /// in a transaction of its own, and only the one that fails alone fails.
    /// </summary>
    public IReadOnlyList<StoreOutcome> SaveAll(IReadOnlyList<DocumentWrite> writes, double threshold, DateTimeOffset storedAt)
    {
        if (writes.Count > 1)
        {
            try
            {
                return InTransaction(transaction => writes.Select(write => new StoreOutcome(Save(transaction, write, threshold, storedAt))).ToList());
            }
            catch (SqliteException)
            {
                // Rolled back whole: each document on its own below.
            }
        }

        var outcomes = new List<StoreOutcome>(writes.Count);
        foreach (var write in writes)
        {
            try
            {
                outcomes.Add(new StoreOutcome(InTransaction(transaction => Save(transaction, write, threshold, storedAt))));
            }
            catch (SqliteException ex)
            {
                outcomes.Add(new StoreOutcome(null, ex));
            }
        }

        return outcomes;
    }

    /// <summary>The writing connection, for the cold writes of other store parts (leases) that share its turn.</summary>
    public SqliteConnection Connection => _connection;

    // IMMEDIATE: the write lock is taken up front, so another process's writer makes this one
    // wait (busy_timeout) rather than fail when a read would turn into a write.
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction, with the story index in step with the store,
    /// committed with the search index's pending writes; rolled back whole on a failure.
    /// </summary>
    private T InTransaction<T>(Func<SqliteTransaction, T> write)
    {
        using var transaction = Begin();
        try
        {
            _stories.Refresh(transaction);
            var result = write(transaction);
            _stories.Complete(transaction);
            _search.Commit(transaction);
            return result;
        }
        catch
        {
            // What the story index holds in memory may include the rolled-back writes.
            _stories.Invalidate();
            throw;
        }
        finally
        {
            // Empty after a commit; after a failure, what the rolled-back transaction queued.
            _search.Discard();
        }
    }

    /// <summary>Merges the story buckets that wait in memory into the table (before a copy of the file's tables); how many pairs.</summary>
    public int MergeStoryBuckets() => InTransaction(_stories.Merge);

    /// <summary>How many times the story index read its bucket filter from the table: for tests and diagnostics.</summary>
    internal int StoryFilterBuilds => _stories.FilterBuilds;

    /// <summary>The story index's rows, of one article or all, wherever they wait: for tests and diagnostics.</summary>
    internal long CountStoryBuckets(long? articleId = null) => InTransaction(transaction => _stories.Count(transaction, articleId));

    private StoreSummary Save(SqliteTransaction transaction, DocumentWrite write, double threshold, DateTimeOffset storedAt)
    {
        var (polledFeed, now) = (write.Feed, write.Now);
        if (write.PollState)
            _pollState.With(transaction, FeedPollState.Values(polledFeed, storedAt)).Execute();
        if (write.Articles is not { } articles)
            return new StoreSummary(0, 0, 0);

        // One document may repeat an entry: the first occurrence wins, as readers show it.
        var unique = articles.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        var keys = DocumentLookup.JsonArray(unique.Select(a => a.Key));
        var documentKeys = write.DocumentKeys is { } all ? DocumentLookup.JsonArray(all.Concat(unique.Select(a => a.Key))) : keys;
        StoredEntries known;
        using (var rows = _lookup.With(transaction, polledFeed.Id, keys, DocumentLookup.JsonArray(unique.Select(a => a.Url).OfType<string>()), documentKeys).Read())
            known = StoredEntries.Read(rows);

        int added = 0, updated = 0, unchanged = 0, merged = 0;
        foreach (var article in unique)
        {
            var stored = known.Stored.GetValueOrDefault(article.Key);
            if (stored is null && known.IsRemoved(article.Key, article.Url))
            {
                // Retention removed it: a feed that still lists it does not bring it back.
                unchanged++;
                continue;
            }

            stored ??= known.RenamedFrom(article);
            if (stored is null)
            {
                added += Insert(transaction, polledFeed, article, now, threshold, ref merged);
            }
            else if (stored.ContentHash != article.ContentHash)
            {
                updated += Update(transaction, polledFeed, article, stored, now);
            }
            else
            {
                unchanged++;
                // The same article from a differently written entry: remember the new raw hash,
                // so that the next poll skips it before processing (no version bump: see migration 6).
                if (article.RawHash is not null && article.RawHash != stored.RawHash)
                    _touch.With(transaction, article.RawHash, stored.Id).Execute();
            }
        }

        return new StoreSummary(added, updated, unchanged, merged);
    }

    /// <summary>Only the feed's poll state (not modified, failed, gone, held).</summary>
    public int SavePollState(Feed feed, DateTimeOffset storedAt)
    {
        using var transaction = Begin();
        var changed = _pollState.With(transaction, FeedPollState.Values(feed, storedAt)).Execute();
        transaction.Commit();
        return changed;
    }

    /// <summary>
    /// A committed write that changes nothing readers see: it needs a page of the disk like any
    /// other, so it tells whether the store takes writes again.
    /// </summary>
    public void Probe()
    {
        using var transaction = Begin();
        using var touch = _connection.CreateCommand();
        touch.Transaction = transaction;
        touch.CommandText = "UPDATE store_version SET version = version WHERE id = 1";
        touch.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Removes the articles sorted before the cutoff, leaving tombstones; see <see cref="IArticleStore.RemoveOlderThanAsync"/>.</summary>
    public int RemoveOlderThan(DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now) =>
        InTransaction(transaction => RemoveOlderThan(transaction, cutoff, keepPerFeed, now));

    private int RemoveOlderThan(SqliteTransaction transaction, DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now)
    {
        // Each feed keeps its newest articles whatever their age (a feed that last posted two years
        // ago still shows its latest posts): rank within the feed, newest first, and expire only
        // those past the rank that are also past the cutoff.
        using (var expire = Command(transaction, """
            CREATE TEMP TABLE IF NOT EXISTS expired (id INTEGER PRIMARY KEY);
            DELETE FROM temp.expired;
            INSERT INTO temp.expired (id)
            SELECT id FROM (
                SELECT id, sort_at, row_number() OVER (PARTITION BY feed_id ORDER BY sort_at DESC, id DESC) AS newest
                FROM articles
                WHERE feed_id IN (SELECT DISTINCT feed_id FROM articles WHERE sort_at < @cutoff))
            WHERE sort_at < @cutoff AND newest > @keep;
            """, cutoff, now))
        {
            expire.Parameters.AddWithValue("@keep", keepPerFeed);
            expire.ExecuteNonQuery();
        }

        var removed = new List<(long Id, byte[]? Fingerprint)>();
        using (var select = Command(transaction, "SELECT id, fingerprint FROM articles WHERE id IN (SELECT id FROM temp.expired)", cutoff, now))
        using (var rows = select.ExecuteReader())
        {
            while (rows.Read())
                removed.Add((rows.GetInt64(0), rows.IsDBNull(1) ? null : (byte[])rows.GetValue(1)));
        }

        foreach (var (id, fingerprint) in removed)
            _stories.RemoveBuckets(transaction, id, fingerprint);
        using (var remove = Command(transaction, """
            INSERT OR REPLACE INTO tombstones (feed_id, key, url, removed_at)
            SELECT feed_id, key, url, @now FROM articles WHERE id IN (SELECT id FROM temp.expired);
            DELETE FROM articles WHERE id IN (SELECT id FROM temp.expired);
            DELETE FROM temp.expired;
            """, cutoff, now))
            remove.ExecuteNonQuery();
        return removed.Count;
    }

    private int Insert(SqliteTransaction transaction, Feed polledFeed, Article article, DateTimeOffset now, double threshold, ref int merged)
    {
        var story = _stories.FindStory(transaction, article, polledFeed.Id, threshold);
        var values = ArticleRow.WriteValues(article, polledFeed.Id, now,
            PublicId.For(polledFeed.Url, article.Key), story?.StoryId, story?.Match ?? "first", story?.Score);
        // The unique index is the last word: a concurrent writer's row is never doubled.
        if (_insert.With(transaction, values).Scalar() is not long id)
            return 0;
        _search.Index(id, article.Title, SearchText.Of(article));
        _stories.AddBuckets(transaction, id, article.Fingerprint);
        if (story is not null)
            merged++;
        return 1;
    }

    private int Update(SqliteTransaction transaction, Feed polledFeed, Article article, StoredKey stored, DateTimeOffset now)
    {
        var changed = _update.With(transaction, ArticleRow.WriteValues(article, polledFeed.Id, now, stored.Id)).Execute();
        _search.Unindex(stored.Id);
        _search.Index(stored.Id, article.Title, SearchText.Of(article));
        var fingerprint = article.Fingerprint?.ToBytes();
        if (stored.Fingerprint is null != fingerprint is null || (fingerprint is not null && !fingerprint.AsSpan().SequenceEqual(stored.Fingerprint)))
        {
            _stories.RemoveBuckets(transaction, stored.Id, stored.Fingerprint);
            _stories.AddBuckets(transaction, stored.Id, article.Fingerprint);
        }

        return changed;
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql, DateTimeOffset cutoff, DateTimeOffset now)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@cutoff", UnixTime.ToDb(cutoff));
        command.Parameters.AddWithValue("@now", UnixTime.ToDb(now));
        return command;
    }

    /// <summary>A setting of the writing connection, as SQLite reports it (for tests and diagnostics).</summary>
    internal object? Pragma(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _lookup.Dispose();
        _insert.Dispose();
        _update.Dispose();
        _touch.Dispose();
        _search.Dispose();
        _pollState.Dispose();
        _stories.Dispose();
        _connection.Dispose();
    }
}
