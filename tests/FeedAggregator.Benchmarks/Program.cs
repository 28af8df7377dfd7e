using System.Globalization;
using BenchmarkDotNet.Running;
using FeedAggregator.Benchmarks.Corpus;

namespace FeedAggregator.Benchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        // "corpus DIR [FEEDS] [ENTRIES]" writes the generated feeds of the parse benchmark (parse/parse-vs-feedparser.sh).
        if (args is ["corpus", var directory, .. var rest])
        {
            var feeds = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 120;
            var entries = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 20;
            FeedCorpus.Write(directory, feeds, entries);
            return;
        }

        // "ingest-loop N": N documents of 20 new items through the stages, timed by stage, for a
        // profiler to attach to (dotnet-trace collect -- dotnet FeedAggregator.Benchmarks.dll ingest-loop 200).
        if (args is ["ingest-loop", var count])
        {
            await IngestLoop.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
            return;
        }

        // "ingest-pipeline N": the same documents through the poll's pipeline, 25 at a time.
        if (args is ["ingest-pipeline", var documents])
        {
            await IngestLoop.RunPipelinedAsync(int.Parse(documents, CultureInfo.InvariantCulture));
            return;
        }

        // "schedule-week [FEEDS] [SEED]": a simulated week of the posting-rate schedule against fixed 30-minute polling.
        if (args is ["schedule-week", .. var week])
        {
            Freshness.ScheduleWeek.Run(
                week.Length > 0 ? int.Parse(week[0], CultureInfo.InvariantCulture) : 1000,
                week.Length > 1 ? int.Parse(week[1], CultureInfo.InvariantCulture) : 15);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
