using System.Globalization;
using BenchmarkDotNet.Attributes;
using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// The cost of storing one incoming article against stores of 10k, 100k and 1M articles: the
/// whole save (tombstones, identity, changed-guid check, link and LSH lookups, insert, buckets,
/// commit). Lookups are index seeks, so the cost should barely grow with the store.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DedupeBenchmarks
{
    private static readonly string[] Vocabulary = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private SqliteArticleStore _store = null!;
    private Feed _feed = null!;
    private Article _template = null!;
    private Article _nearDuplicate = null!;
    private long _next;

    [Params(10_000, 100_000, 1_000_000)]
    public int StoredArticles { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await DedupeStoreBuilder.CopyAsync(StoredArticles, Path.Combine(Path.GetTempPath(), "feedagg-bench", "work.db"));
        var connections = new SqliteConnectionFactory(path);
        _store = new SqliteArticleStore(connections);
        _feed = new Feed { Id = 1, Url = "https://outlet1.example/feed" };
        var processor = new ArticleProcessor(new ContentSanitizer());
        var random = new Random(42);
        var text = string.Join(' ', Enumerable.Range(0, 300).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        _template = Process(processor, "original", text);
        // One stored story for the near-duplicate case: the same text, its last 30 words changed.
        await _store.SaveAsync(_feed, [_template], DateTimeOffset.UnixEpoch, CancellationToken.None);
        var edited = string.Join(' ', text.Split(' ').Take(270).Concat(Enumerable.Range(0, 30).Select(i => "edit" + i)));
        _nearDuplicate = Process(processor, "copy", edited);
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    /// <summary>An article of a story the store has not seen.</summary>
    [Benchmark(Baseline = true)]
    public Task<StoreSummary> NewStory()
    {
        var id = ++_next;
        var article = _template with
        {
            Key = "guid:new-" + id,
            Url = "https://outlet1.example/new/" + id,
            Fingerprint = Stories.TextFingerprint.FromBytes(RandomBytes(id)),
        };
        return _store.SaveAsync(_feed, [article], DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    /// <summary>A republication of a stored story, with small edits: it joins that story.</summary>
    [Benchmark]
    public Task<StoreSummary> NearDuplicate()
    {
        var id = ++_next;
        var article = _nearDuplicate with { Key = "guid:copy-" + id, Url = "https://outlet1.example/copy/" + id };
        return _store.SaveAsync(_feed, [article], DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    private static Article Process(ArticleProcessor processor, string id, string text)
    {
        var entry = new ParsedEntry { Id = id, Title = "Benchmark " + id, Content = "<p>" + text + "</p>", Link = "https://outlet1.example/" + id };
        return processor.Process(new ParsedFeed { Format = FeedFormat.Rss20, Entries = [entry] }, null, 1).Single();
    }

    private static byte[] RandomBytes(long seed)
    {
        var bytes = new byte[Stories.TextFingerprint.Size * sizeof(uint)];
        new Random((int)seed).NextBytes(bytes);
        return bytes;
    }
}
