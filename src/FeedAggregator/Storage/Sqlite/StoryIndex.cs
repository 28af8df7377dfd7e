using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The SQL of dedupe beyond (feed, key), prepared once on the writer's connection: which story a
/// new article joins and its LSH buckets (a feed's changed guids come with the document's lookup).
/// Every lookup is an index seek, by URL or by bucket; none reads the articles table through.
/// </summary>
/// <remarks>
/// A new article's 16 buckets are random keys: written to <c>story_buckets</c> one document at a
/// time, each landed on a page of its own, and storing them was most of the cost of a first poll
/// (every dirty page is written to the WAL at each commit, then again by the checkpoint). So the
/// buckets of the newest articles wait in the writer's memory (<see cref="PendingBuckets"/>),
/// searched together with <c>story_buckets</c>, and are merged into it in key order once
/// <see cref="MergeEvery"/> articles wait: one write of each page for thousands of rows. What
/// waits is not lost: it is a function of the stored articles, those after
/// <c>story_buckets_merged.through</c>, read back from their fingerprints when the writer opens,
/// after a rollback, or when another connection has written (<c>PRAGMA data_version</c>).
/// A lookup seeks only the buckets the table may hold (<see cref="BucketFilter"/>, built from the
/// table at the writer's first lookup and grown at merges); a writer that adds rows to the table
/// moves <c>story_buckets_merged.generation</c>, and another writer that finds it moved drops its
/// filter (every bucket is sought again) until its next merge builds a new one.
/// </remarks>
internal sealed class StoryIndex : IDisposable
{
    /// <summary>Articles whose buckets wait before they are merged: 131,072 pairs, about 4 MB.</summary>
    public const int MergeEvery = 8192;

    /// <summary>
    /// Pairs per statement of a merge. Chosen when a command bound each parameter by name on every
    /// run (SQLite walks the statement's list of names, so binding cost the square of the
    /// parameters: at 256 pairs 2.6 us a pair, at 32 about 0.3 us). <see cref="PreparedCommand"/>
    /// now binds by position, so a larger slice would cost no more to bind; 32 stays (not measured
    /// again since: a run of the statement is a few us either way).
    /// </summary>
    private const int MergeSlice = 32;

    private static readonly string[] BucketNames = [.. Enumerable.Range(0, TextFingerprint.BandCount).Select(b => "b" + b)];
    private static readonly string BucketList = string.Join(", ", BucketNames.Select(b => "@" + b));

    private readonly SqliteConnection _connection;
    private readonly PreparedCommand _story;
    private readonly PreparedCommand _addBucket;
    private readonly PreparedCommand _removeBucket;
    private readonly PreparedCommand _merge;
    private readonly PreparedCommand _dataVersion;
    private readonly PendingBuckets _pending = new();
    private long _seenVersion = -1;
    private long _mergedThrough;
    // What the table may hold, as of _generation; null: unknown, every bucket is sought.
    private BucketFilter? _filter;
    // The writer has opened and the filter is built at its first story lookup: a write that looks
    // nothing up (the seeds at a start, found unchanged) does not scan millions of bucket rows.
    private bool _filterAtFirstLookup;
    private long _generation = -1;
    // This transaction added rows to the table (a merge, or an id at or below the mark): the generation moves at its end.
    private bool _tableGrew;

    public StoryIndex(SqliteConnection connection)
    {
        _connection = connection;
        // One statement per article: the same link from another feed first (its rows come first,
        // and reading stops there), else the articles that share an LSH bucket. The two sources
        // (the table, and what waits in memory, given as JSON pairs) are read as one, merged in key
        // order, so the candidates and their order are those of a single table: the first
        // StoryCandidates.Max articles by (bucket, article id).
        _story = new PreparedCommand(connection, $"""
            SELECT * FROM (SELECT 1, story_id, NULL FROM articles
                           WHERE url = @url AND feed_id <> @feedId ORDER BY id LIMIT 1)
            UNION ALL
            SELECT 0, a.story_id, a.fingerprint
            FROM (SELECT DISTINCT article_id FROM (
                      SELECT bucket, article_id FROM story_buckets WHERE bucket IN ({BucketList})
                      UNION ALL
                      SELECT value ->> 0, value ->> 1 FROM json_each(@pending)
                      ORDER BY 1, 2)
                  LIMIT {StoryCandidates.Max}) b
            JOIN articles a ON a.id = b.article_id
            """, ["url", "feedId", .. BucketNames, "pending"]);
        // All of an article's bands in one statement each way.
        _addBucket = new PreparedCommand(connection, $"""
            INSERT OR IGNORE INTO story_buckets (bucket, article_id)
            VALUES {string.Join(", ", BucketNames.Select(b => $"(@{b}, @articleId)"))}
            """, [.. BucketNames, "articleId"]);
        _removeBucket = new PreparedCommand(connection, $"""
            DELETE FROM story_buckets WHERE article_id = @articleId AND bucket IN ({BucketList})
            """, [.. BucketNames, "articleId"]);
        // What waits, in key order, a slice of pairs per statement.
        _merge = new PreparedCommand(connection, $"""
            INSERT OR IGNORE INTO story_buckets (bucket, article_id)
            VALUES {string.Join(", ", Enumerable.Range(0, MergeSlice).Select(i => $"(@b{i}, @a{i})"))}
            """, [.. Enumerable.Range(0, MergeSlice).SelectMany(i => new[] { "b" + i, "a" + i })]);
        _dataVersion = new PreparedCommand(connection, "PRAGMA data_version");
    }

    /// <summary>
    /// Brings what waits in memory in step with the store, at the start of a write transaction
    /// that touches buckets: read again whole when the writer is new, after a rollback, or when
    /// another connection (another process, a purge) has committed since this one last looked.
    /// </summary>
    public void Refresh(SqliteTransaction transaction)
    {
        var version = (long)_dataVersion.With(transaction).Scalar()!;
        if (version == _seenVersion)
            return;

        long generation;
        using (var mark = Command(transaction, "SELECT through, generation FROM story_buckets_merged"))
        using (var row = mark.ExecuteReader())
        {
            row.Read();
            (_mergedThrough, generation) = (row.GetInt64(0), row.GetInt64(1));
        }

        // Opening: the filter is built from the table, at the first lookup. Later, another writer
        // that added to the table leaves it stale: dropped, rebuilt at this writer's next merge (a
        // scan of the table for every write of a second process would stall this one).
        if (_generation == -1)
            (_filter, _filterAtFirstLookup) = (null, true);
        else if (generation != _generation)
            (_filter, _filterAtFirstLookup) = (null, false);
        _generation = generation;
        _pending.Clear();
        using (var read = Command(transaction, "SELECT id, fingerprint FROM articles WHERE id > @through AND fingerprint IS NOT NULL"))
        {
            read.Parameters.AddWithValue("@through", _mergedThrough);
            using var rows = read.ExecuteReader();
            while (rows.Read())
            {
                if (TextFingerprint.FromBytes((byte[])rows.GetValue(1)) is { } fingerprint)
                    _pending.Add(rows.GetInt64(0), fingerprint.Buckets());
            }
        }

        _seenVersion = version;
    }

    /// <summary>Forgets what it knows of the store: the transaction that changed it was rolled back.</summary>
    public void Invalidate() => (_seenVersion, _tableGrew) = (-1, false);

    /// <summary>Where a new article belongs: an existing story, or null for a story of its own.</summary>
    public StoryMatch? FindStory(SqliteTransaction transaction, Article article, long feedId, double threshold)
    {
        var fingerprint = article.Fingerprint;
        if (article.Url is null && fingerprint is null)
            return null;
        var buckets = fingerprint?.Buckets();
        if (buckets is not null && _filterAtFirstLookup)
            (_filter, _filterAtFirstLookup) = (BuildFilter(transaction), false);
        var values = new object?[3 + TextFingerprint.BandCount];
        (values[0], values[1]) = (article.Url, feedId);
        for (var b = 0; b < TextFingerprint.BandCount; b++)
        {
            if (buckets is not null && (_filter is null || _filter.MayContain(buckets[b])))
                values[2 + b] = buckets[b];
        }

        values[^1] = buckets is null ? null : _pending.Matching(buckets);

        using var rows = _story.With(transaction, values).Read();
        return StoryCandidates.Best(rows, fingerprint, threshold);
    }

    public void AddBuckets(SqliteTransaction transaction, long articleId, TextFingerprint? fingerprint)
    {
        if (fingerprint is null)
            return;
        // An id at or below the mark (the newest articles were removed, and their ids given again)
        // is not read back from the articles: its buckets go to the table at once.
        if (articleId <= _mergedThrough)
        {
            _addBucket.With(transaction, BucketValues(fingerprint, articleId)).Execute();
            foreach (var bucket in fingerprint.Buckets())
                _filter?.Add(bucket);
            _tableGrew = true;
        }
        else
            _pending.Add(articleId, fingerprint.Buckets());
    }

    public void RemoveBuckets(SqliteTransaction transaction, long articleId, byte[]? fingerprint)
    {
        if (TextFingerprint.FromBytes(fingerprint) is not { } stored)
            return;
        _removeBucket.With(transaction, BucketValues(stored, articleId)).Execute();
        _pending.Remove(articleId, stored.Buckets());
    }

    /// <summary>
    /// At the end of a write transaction: merges what waits into <c>story_buckets</c> once enough
    /// does, and tells other writers when this one added to the table.
    /// </summary>
    public void Complete(SqliteTransaction transaction)
    {
        if (_pending.Articles >= MergeEvery)
            Merge(transaction);
        if (_tableGrew)
        {
            _generation = Scalar(transaction, "UPDATE story_buckets_merged SET generation = generation + 1 RETURNING generation");
            _tableGrew = false;
        }
    }

    /// <summary>
    /// Moves every waiting bucket into <c>story_buckets</c>, in key order, and moves the mark to the
    /// newest article: everything at or below it is in the table. <see cref="Refresh"/> first; a
    /// rollback of the transaction calls for <see cref="Invalidate"/>, which reads them back.
    /// </summary>
    public int Merge(SqliteTransaction transaction)
    {
        var pairs = _pending.Sorted();
        var values = new object?[2 * MergeSlice];
        for (var start = 0; start < pairs.Count; start += MergeSlice)
        {
            // The last slice repeats its last pair to fill the statement: the insert ignores a repeat.
            for (var i = 0; i < MergeSlice; i++)
            {
                var (bucket, id) = pairs[Math.Min(start + i, pairs.Count - 1)];
                (values[2 * i], values[2 * i + 1]) = (bucket, id);
            }

            _merge.With(transaction, values).Execute();
        }

        _mergedThrough = Scalar(transaction, "UPDATE story_buckets_merged SET through = (SELECT coalesce(max(id), 0) FROM articles) RETURNING through");
        _pending.Clear();
        _tableGrew |= pairs.Count > 0;
        if (_filter is null || _filter.WouldOverfill(pairs.Count))
            (_filter, _filterAtFirstLookup) = (BuildFilter(transaction), false);
        else
        {
            foreach (var (bucket, _) in pairs)
                _filter.Add(bucket);
        }

        return pairs.Count;
    }

    /// <summary>The story index's pairs, in the table and waiting (of one article, or all): for tests and diagnostics.</summary>
    public long Count(SqliteTransaction transaction, long? articleId)
    {
        var filter = articleId is { } id ? $" WHERE article_id = {id}" : "";
        return Scalar(transaction, $"SELECT count(*) FROM story_buckets{filter}") + _pending.Count(articleId);
    }

    /// <summary>How many times the filter was built from the table: for tests and diagnostics.</summary>
    public int FilterBuilds { get; private set; }

    /// <summary>A filter of every bucket in the table.</summary>
    private BucketFilter BuildFilter(SqliteTransaction transaction)
    {
        FilterBuilds++;
        // Sized by the stored articles, 16 buckets each (counted on the smallest index; the table
        // itself is read once, below). Not by the newest id: with retention, ids grow for ever
        // while the table does not.
        var filter = BucketFilter.For(Scalar(transaction, "SELECT count(*) FROM articles") * TextFingerprint.BandCount);
        // Millions of rows (16 per article): stepped on SQLite's own statement, since a data
        // reader's bookkeeping per row cost three times SQLite's scan (1.6 s for 3.5 million).
        using var scan = new PreparedCommand(_connection, "SELECT bucket FROM story_buckets");
        using var rows = scan.With(transaction).Read();
        while (rows.Read())
            filter.Add(rows.GetInt64(0));
        return filter;
    }

    private static object?[] BucketValues(TextFingerprint fingerprint, long articleId) =>
        [.. fingerprint.Buckets().Select(bucket => (object?)bucket), articleId];

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private long Scalar(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _story.Dispose();
        _addBucket.Dispose();
        _removeBucket.Dispose();
        _merge.Dispose();
        _dataVersion.Dispose();
    }
}
