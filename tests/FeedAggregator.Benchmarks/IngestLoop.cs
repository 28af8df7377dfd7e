using System.Diagnostics;
using System.Globalization;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Benchmarks;

/// <summary>Documents of 20 new items through the processing and storing stages, each stage timed: a target for a profiler.</summary>
internal static class IngestLoop
{
    private const int Feeds = 1000;

    public static async Task RunAsync(int documents)
    {
        await using var harness = await CreateHarnessAsync();
        var (process, store) = (new Stopwatch(), new Stopwatch());
        var (processCpu, storeCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var self = Process.GetCurrentProcess();
        var added = 0;
        foreach (var (feed, document) in Documents(harness, documents))
        {
            var cpu = self.TotalProcessorTime;
            process.Start();
            FeedWrite write = await harness.ProcessAsync(feed, document);
            process.Stop();
            self.Refresh();
            processCpu += self.TotalProcessorTime - cpu;
            cpu = self.TotalProcessorTime;
            store.Start();
            added += (await harness.StoreAsync(write)).Added;
            store.Stop();
            self.Refresh();
            storeCpu += self.TotalProcessorTime - cpu;
        }

        // Wall time drifts on a shared machine; the process's CPU time less so.
        Console.WriteLine(
            $"{added} articles: process {PerArticle(process.Elapsed, added)} us wall ({PerArticle(processCpu, added)} us CPU), " +
            $"store {PerArticle(store.Elapsed, added)} us wall ({PerArticle(storeCpu, added)} us CPU) per article");
    }

    /// <summary>The same documents through the poll's pipeline (processing on every core, one writer), 25 at a time.</summary>
    public static async Task RunPipelinedAsync(int documents)
    {
        await using var harness = await CreateHarnessAsync();
        var inputs = Documents(harness, documents);
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var added = 0;
        foreach (var chunk in inputs.Chunk(25))
            added += await harness.PipelineAsync(chunk);
        wall.Stop();
        self.Refresh();
        Console.WriteLine(
            $"{added} articles pipelined: {PerArticle(wall.Elapsed, added)} us wall ({PerArticle(self.TotalProcessorTime - cpu, added)} us CPU) per article");
    }

    private static Task<IngestHarness> CreateHarnessAsync() =>
        IngestHarness.CreateAsync(Path.Combine(Path.GetTempPath(), "feedagg-bench", "loop.db"), Feeds);

    /// <summary>Document d: 20 new items of feed d mod 1,000; built before the clock starts.</summary>
    private static List<(Feed Feed, byte[] Document)> Documents(IngestHarness harness, int documents) =>
        [.. Enumerable.Range(0, documents).Select(d => (harness.Feeds[d % Feeds], IngestDocuments.Rss(d % Feeds, Enumerable.Range(d * 20, 20))))];

    private static string PerArticle(TimeSpan time, int articles) => (time.TotalMicroseconds / articles).ToString("F0", CultureInfo.InvariantCulture);
}
