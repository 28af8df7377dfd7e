using System.CommandLine;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>--quiet</c> on the long verbs: print nothing but errors (for cron and timers).</summary>
internal static class QuietOption
{
    public static Option<bool> Create() => new("--quiet", "-q") { Description = "Print nothing but errors." };
}
