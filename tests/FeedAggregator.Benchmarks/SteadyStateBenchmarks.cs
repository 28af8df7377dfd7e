using BenchmarkDotNet.Attributes;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// A feed document of 50 entries through the processing and storing stages, when all 50 are new,
/// when 20 are new and 30 are stored as they are, and when none is new (the bytes changed, the
/// entries did not). Each iteration runs 10 such documents on feeds of their own; the time shown
/// is per document. The entries already stored were stored in the iteration's setup.
/// Run: dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- --filter '*SteadyStateBenchmarks*'
/// </summary>
[Config(typeof(MacroJob))]
public class SteadyStateBenchmarks
{
    private const int Documents = 10;
    private const int Entries = 50;

    private IngestHarness _harness = null!;
    private int _nextFeed;
    private (int Feed, byte[] Document)[] _batch = [];

    [GlobalSetup]
    public async Task SetupAsync() =>
        _harness = await IngestHarness.CreateAsync(Path.Combine(Path.GetTempPath(), "feedagg-bench", "steady.db"), 1000);

    [GlobalCleanup]
    public Task CleanupAsync() => _harness.DisposeAsync().AsTask();

    [IterationSetup(Target = nameof(AllNew))]
    public void FreshFeeds() => Prepare(stored: 0);

    [IterationSetup(Target = nameof(TwentyNewOfFifty))]
    public void ThirtyStored() => Prepare(stored: 30);

    [IterationSetup(Target = nameof(NoneNewOfFifty))]
    public void FiftyStored() => Prepare(stored: Entries);

    [Benchmark(Baseline = true, OperationsPerInvoke = Documents)]
    public Task<int> AllNew() => IngestAsync();

    [Benchmark(OperationsPerInvoke = Documents)]
    public Task<int> TwentyNewOfFifty() => IngestAsync();

    [Benchmark(OperationsPerInvoke = Documents)]
    public Task<int> NoneNewOfFifty() => IngestAsync();

    private async Task<int> IngestAsync()
    {
        var added = 0;
        foreach (var (feed, document) in _batch)
            added += await _harness.IngestAsync(_harness.Feeds[feed], document);
        return added;
    }

    // Feeds of their own, with the first `stored` entries already stored as the document has them.
    private void Prepare(int stored)
    {
        _batch = [.. Enumerable.Range(0, Documents).Select(_ => _nextFeed++ % _harness.Feeds.Count).Select(feed =>
        {
            if (stored > 0)
                _harness.IngestAsync(_harness.Feeds[feed], IngestDocuments.Rss(feed, Enumerable.Range(0, stored))).GetAwaiter().GetResult();
            return (feed, IngestDocuments.Rss(feed, Enumerable.Range(0, Entries)));
        })];
    }
}
