using FeedAggregator.Model;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The totals a pass reports (the CLI and the logs print them): added and updated summed over the feeds, failures without the held ones.</summary>
public sealed class PollCycleSummaryTests
{
    private static Feed Feed(long id, FeedStatus status) => new() { Id = id, Url = $"https://a.example/{id}", Status = status };

    [Fact]
    public void Added_and_updated_are_the_sums_over_every_feed_and_held_feeds_are_not_failures()
    {
        var summary = new PollCycleSummary(
        [
            new RefreshResult(Feed(1, FeedStatus.Ok), Added: 3, Updated: 2),
            new RefreshResult(Feed(2, FeedStatus.Ok), Added: 4, Updated: 5),
            new RefreshResult(Feed(3, FeedStatus.Error)),
            new RefreshResult(Feed(4, FeedStatus.Gone)),
            new RefreshResult(Feed(5, FeedStatus.Error), Held: true),
        ]);

        Assert.Equal((5, 7, 7, 2, 1), (summary.Polled, summary.Added, summary.Updated, summary.Failed, summary.Held));
    }
}
