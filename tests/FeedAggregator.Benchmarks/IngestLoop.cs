using System.Diagnostics;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Benchmarks;

/// <summary>Documents of 20 new items through the processing and storing stages, each stage timed: a target for a profiler.</summary>
internal static class IngestLoop
{
    public static async Task RunAsync(int documents)
    {
        await using var harness = await IngestHarness.CreateAsync(Path.Combine(Path.GetTempPath(), "feedagg-bench", "loop.db"), 1000);
        var inputs = Enumerable.Range(0, documents).Select(d => (Feed: d % 1000, Document: IngestDocuments.Rss(d % 1000, Enumerable.Range(d * 20, 20)))).ToList();
        var (process, store) = (new Stopwatch(), new Stopwatch());
        var (processCpu, storeCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var self = Process.GetCurrentProcess();
        var added = 0;
        foreach (var (feed, document) in inputs)
        {
            var cpu = self.TotalProcessorTime;
            process.Start();
            FeedWrite write = await harness.ProcessAsync(harness.Feeds[feed], document);
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
            $"{added} articles: process {PerArticle(process.Elapsed)} us wall ({PerArticle(processCpu)} us CPU), " +
            $"store {PerArticle(store.Elapsed)} us wall ({PerArticle(storeCpu)} us CPU) per article");

        string PerArticle(TimeSpan time) => (time.TotalMicroseconds / added).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The same documents through the poll's pipeline (processing on every core, one writer), 25 at a time.</summary>
    public static async Task RunPipelinedAsync(int documents)
    {
        await using var harness = await IngestHarness.CreateAsync(Path.Combine(Path.GetTempPath(), "feedagg-bench", "loop.db"), 1000);
        var inputs = Enumerable.Range(0, documents).Select(d => (Feed: harness.Feeds[d % 1000], Document: IngestDocuments.Rss(d % 1000, Enumerable.Range(d * 20, 20)))).ToList();
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var added = 0;
        foreach (var chunk in inputs.Chunk(25))
            added += await harness.PipelineAsync(chunk);
        wall.Stop();
        self.Refresh();
        var perArticle = (wall.Elapsed.TotalMicroseconds / added).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        var cpuPerArticle = ((self.TotalProcessorTime - cpu).TotalMicroseconds / added).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"{added} articles pipelined: {perArticle} us wall ({cpuPerArticle} us CPU) per article");
    }
}
