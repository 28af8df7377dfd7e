using FeedAggregator.Model;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Worker.Cli.Progress;

/// <summary>A poll cycle's progress onto a <see cref="ProgressDisplay"/>: the total once, then one line per feed.</summary>
internal sealed class PollProgressReporter(ProgressDisplay display) : IProgress<PollProgress>
{
    public void Report(PollProgress value)
    {
        if (value.Latest is not { } result)
        {
            display.SetTotal(value.Total);
            return;
        }

        var error = !result.Held && result.Status is FeedStatus.Error or FeedStatus.Gone;
        display.Advance(LineOf(result), error);
    }

    public static string LineOf(RefreshResult result) => (result.Held, result.Status) switch
    {
        (true, _) => $"held   {result.Feed.Url}: its host asked to wait until {IsoDate.Format(result.Feed.RetryAfter)}",
        (_, FeedStatus.Ok) => $"ok     {result.Feed.Url} (+{result.Added} new, {result.Updated} updated)",
        (_, FeedStatus.Gone) => $"gone   {result.Feed.Url}: {result.Error}",
        _ => $"error  {result.Feed.Url}: {result.Error}",
    };
}
