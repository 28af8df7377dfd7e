using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Storage;

/// <summary>Whether a save or a subscription sync changed anything a reader or the log must hear of.</summary>
public sealed class StoreSummaryTests
{
    [Theory]
    [InlineData(0, 0, 5, false)]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 1, 0, true)]
    [InlineData(2, 2, 0, true)]
    public void A_save_changed_something_when_it_added_or_updated(int added, int updated, int unchanged, bool changed)
    {
        Assert.Equal(changed, new StoreSummary(added, updated, unchanged).Changed);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(1, 0, 0, 0, true)]
    [InlineData(0, 1, 0, 0, true)]
    [InlineData(0, 0, 1, 0, true)]
    [InlineData(0, 0, 0, 1, true)]
    [InlineData(1, 1, 0, 0, true)]
    [InlineData(1, 1, 1, 0, true)]
    [InlineData(0, 1, 1, 1, true)]
    public void A_sync_changed_something_when_any_feed_was_added_removed_updated_or_restored(int added, int removed, int updated, int restored, bool any)
    {
        Assert.Equal(any, new SubscriptionChanges(added, removed, updated, restored).Any);
    }
}
