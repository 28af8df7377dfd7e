using BenchmarkDotNet.Attributes;
using FeedAggregator.Refreshing;
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
    private int _round;
    private (int Feed, byte[] Document, (string Key, string Title, string Url, string Html)[] Rows)[] _batch = [];
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
                """;
            schema.ExecuteNonQuery();
        }

        _bareInsert = _bare.CreateCommand();
        _bareInsert.CommandText = "INSERT INTO bare (feed_id, key, title, url, content) VALUES (@feed, @key, @title, @url, @content)";
        foreach (var name in new[] { "@feed", "@key", "@title", "@url", "@content" })
            _bareInsert.Parameters.Add(new SqliteParameter(name, null));
        _bareInsert.Prepare();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bareInsert.Dispose();
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
                items.Select(i => ("guid:" + IngestDocuments.Guid(feed, i), IngestDocuments.Title(feed, i), IngestDocuments.Link(feed, i), IngestDocuments.Html(feed, i))).ToArray());
        })];
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
            foreach (var (key, title, url, html) in documentRows)
            {
                (_bareInsert.Parameters[0].Value, _bareInsert.Parameters[1].Value, _bareInsert.Parameters[2].Value) = (feed, key, title);
                (_bareInsert.Parameters[3].Value, _bareInsert.Parameters[4].Value) = (url, html);
                rows += _bareInsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return rows;
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
