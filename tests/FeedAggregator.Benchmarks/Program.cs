using BenchmarkDotNet.Running;

namespace FeedAggregator.Benchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        // "ingest-loop N": N documents of 20 new items through the stages, timed by stage, for a
        // profiler to attach to (dotnet-trace collect -- dotnet FeedAggregator.Benchmarks.dll ingest-loop 200).
        if (args is ["ingest-loop", var count])
        {
            await IngestLoop.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
