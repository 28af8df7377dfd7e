using BenchmarkDotNet.Attributes;
using FeedAggregator.Processing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// New articles per second through the poll's processing and storing stages (parse, one key
/// lookup per document, sanitizing, fingerprint, dedupe and story lookup, FTS, insert), against a
/// bare prepared-insert loop of the same rows: 2 KB of content, unique (feed, key), one
/// transaction per 20 rows (a document). Each iteration brings 25 documents of 20 new items.
/// The time shown is per article: articles/s = 1e9 / Mean (ns).
/// Process and Store split Ingest in two (processing share = Process / Ingest); StoreBatched
/// stores the 25 documents as the poll's writer does when it has a backlog (one transaction);
/// IngestPipelined runs them through the poll's pipeline (processing on every core, one writer).
/// BarePreparedInsertIndexed is the bare loop with the search index on: each row's title and
/// plain text (made before the clock starts) also go into a contentless FTS5 table defined as the
/// store's, at the end of each transaction as the store writes them, so it shows what SQLite's own
/// indexing costs the same rows.
/// Run: dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- --filter '*IngestBenchmarks*'
/// </summary>
[Config(typeof(MacroJob))]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int Documents = 25;
    private const int PerDocument = 20;
    private const int Feeds = 2000;

    private IngestHarness _harness = null!;
    private SqliteConnection _bare = null!;
    private SqliteCommand _bareInsert = null!;
    private SqliteCommand _bareInsertReturning = null!;
    private SqliteCommand _bareIndex = null!;
    private int _round;
    private (int Feed, byte[] Document, (string Key, string Title, string Url, string Html, string Text)[] Rows)[] _batch = [];
    private FeedWrite[] _processed = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "feedagg-bench");
        _harness = await IngestHarness.CreateAsync(Path.Combine(directory, "ingest.db"), Feeds);
        var barePath = Path.Combine(directory, "bare.db");
        foreach (var file in new[] { barePath, barePath + "-wal", barePath + "-shm" })
            File.Delete(file);
        _bare = new SqliteConnection($"Data Source={barePath}");
        _bare.Open();
        using (var schema = _bare.CreateCommand())
        {
            // The same durability as the store's connections: WAL, synchronous NORMAL.
            schema.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                CREATE TABLE bare (id INTEGER PRIMARY KEY, feed_id INTEGER NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL,
                                   url TEXT, content TEXT, UNIQUE (feed_id, key));
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
                """;
            schema.ExecuteNonQuery();
        }

        const string insert = "INSERT INTO bare (feed_id, key, title, url, content) VALUES (@feed, @key, @title, @url, @content)";
        string[] row = ["@feed", "@key", "@title", "@url", "@content"];
        _bareInsert = Prepare(insert, row);
        // The indexed loop needs each new row's id, as the store's insert returns it.
        _bareInsertReturning = Prepare(insert + " RETURNING id", row);
        _bareIndex = Prepare(SearchIndex.InsertSql, "@id", "@title", "@text");
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _bare.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bareInsert.Dispose();
        _bareInsertReturning.Dispose();
        _bareIndex.Dispose();
        _bare.Dispose();
        await _harness.DisposeAsync();
    }

    /// <summary>The next 25 documents of new items, spread over the feeds; the same rows for every benchmark.</summary>
    [IterationSetup]
    public void NextBatch()
    {
        var round = _round++;
        _batch = [.. Enumerable.Range(0, Documents).Select(d =>
        {
            var feed = (round * Documents + d) % Feeds;
            var items = Enumerable.Range(round * PerDocument, PerDocument).ToArray();
            return (feed, IngestDocuments.Rss(feed, items),
                items.Select(i => Row(feed, i)).ToArray());
        })];
    }

    private static (string Key, string Title, string Url, string Html, string Text) Row(int feed, int item)
    {
        var html = IngestDocuments.Html(feed, item);
        return ("guid:" + IngestDocuments.Guid(feed, item), IngestDocuments.Title(feed, item), IngestDocuments.Link(feed, item), html, HtmlText.ToPlainText(html));
    }

    [IterationSetup(Targets = [nameof(Store), nameof(StoreBatched)])]
    public void NextProcessedBatch()
    {
        NextBatch();
        _processed = [.. _batch.Select(b => _harness.ProcessAsync(_harness.Feeds[b.Feed], b.Document).GetAwaiter().GetResult())];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Documents * PerDocument)]
    public int BarePreparedInsert()
    {
        var rows = 0;
        foreach (var (feed, _, documentRows) in _batch)
        {
            using var transaction = _bare.BeginTransaction();
            _bareInsert.Transaction = transaction;
            foreach (var (key, title, url, html, _) in documentRows)
                rows += Bind(_bareInsert, feed, key, title, url, html).ExecuteNonQuery();
            transaction.Commit();
        }

        return rows;
    }

    /// <summary>The bare loop, each row also indexed for search (title and plain text) before the commit.</summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public int BarePreparedInsertIndexed()
    {
        var rows = 0;
        var indexed = new List<(long Id, string Title, string Text)>(PerDocument);
        foreach (var (feed, _, documentRows) in _batch)
        {
            using var transaction = _bare.BeginTransaction();
            (_bareInsertReturning.Transaction, _bareIndex.Transaction) = (transaction, transaction);
            foreach (var (key, title, url, html, text) in documentRows)
            {
                if (Bind(_bareInsertReturning, feed, key, title, url, html).ExecuteScalar() is long id)
                    indexed.Add((id, title, text));
            }

            foreach (var (id, title, text) in indexed)
            {
                (_bareIndex.Parameters[0].Value, _bareIndex.Parameters[1].Value, _bareIndex.Parameters[2].Value) = (id, title, text);
                rows += _bareIndex.ExecuteNonQuery();
            }

            indexed.Clear();
            transaction.Commit();
        }

        return rows;
    }

    private static SqliteCommand Bind(SqliteCommand insert, int feed, string key, string title, string url, string html)
    {
        (insert.Parameters[0].Value, insert.Parameters[1].Value, insert.Parameters[2].Value) = (feed, key, title);
        (insert.Parameters[3].Value, insert.Parameters[4].Value) = (url, html);
        return insert;
    }

    /// <summary>The whole of it: parse, lookup, process, store.</summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public async Task<int> Ingest()
    {
        var added = 0;
        foreach (var (feed, document, _) in _batch)
            added += await _harness.IngestAsync(_harness.Feeds[feed], document);
        return added;
    }

    /// <summary>
    /// The whole of it as a poll cycle runs it once the documents are fetched: processing on
    /// every core, beside the one writer, which stores what waits in one transaction.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public Task<int> IngestPipelined() =>
        _harness.PipelineAsync(_batch.Select(b => (_harness.Feeds[b.Feed], b.Document)));

    /// <summary>The processing stage alone (parse, lookup, sanitize, fingerprint): nothing is stored.</summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public async Task<int> Process()
    {
        var articles = 0;
        foreach (var (feed, document, _) in _batch)
            articles += (await _harness.ProcessAsync(_harness.Feeds[feed], document)).Articles!.Count;
        return articles;
    }

    /// <summary>The storing stage alone, of documents processed beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public async Task<int> Store()
    {
        var added = 0;
        foreach (var write in _processed)
            added += (await _harness.StoreAsync(write)).Added;
        return added;
    }

    /// <summary>The storing stage as the poll's writer runs it with a backlog: the 25 documents in one transaction.</summary>
    [Benchmark(OperationsPerInvoke = Documents * PerDocument)]
    public async Task<int> StoreBatched()
    {
        var results = await _harness.Refresher.StoreAllAsync(_processed, CancellationToken.None);
        return results.Sum(r => r.Result!.Added);
    }
}
