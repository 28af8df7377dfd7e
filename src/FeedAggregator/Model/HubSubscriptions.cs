namespace FeedAggregator.Model;

/// <summary>Views over a list of <see cref="HubSubscription"/>s.</summary>
public static class HubSubscriptions
{
    /// <summary>Each feed's subscription: the live one, else the one being unsubscribed.</summary>
    public static IReadOnlyDictionary<long, HubSubscription> ByFeed(IEnumerable<HubSubscription> subscriptions) =>
        subscriptions.GroupBy(s => s.FeedId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.State == HubSubscriptionState.Unsubscribing).ThenByDescending(s => s.Id).First());
}
