using System.Globalization;
using BenchmarkDotNet.Running;
using FeedAggregator.Benchmarks.Corpus;

namespace FeedAggregator.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // "corpus DIR [FEEDS] [ENTRIES]" writes the generated feeds of the parse benchmark (parse/parse-vs-feedparser.sh).
        if (args is ["corpus", var directory, .. var rest])
        {
            var feeds = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 120;
            var entries = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 20;
            FeedCorpus.Write(directory, feeds, entries);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
