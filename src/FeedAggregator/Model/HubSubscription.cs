namespace FeedAggregator.Model;

/// <summary>
/// A WebSub subscription of one feed at one hub: what was asked, what the hub verified, and what
/// it pushed. The callback is <c>/websub/callback/{FeedId}/{Token}</c>; <see cref="Secret"/>
/// signs what the hub pushes.
/// </summary>
public sealed record HubSubscription
{
    public long Id { get; init; }
    public long FeedId { get; init; }
    public required string Hub { get; init; }
    public required string Topic { get; init; }
    public required string Token { get; init; }
    public required string Secret { get; init; }
    public HubSubscriptionState State { get; init; }

    /// <summary>When the last request (subscribe, renew or unsubscribe) was sent and not yet verified.</summary>
    public DateTimeOffset? RequestedAt { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Requests in a row that failed or were not verified in time.</summary>
    public int Attempts { get; init; }

    /// <summary>When a failed request is tried again.</summary>
    public DateTimeOffset? RetryAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastPushAt { get; init; }
    public long Pushes { get; init; }

    /// <summary>Pushes discarded because their signature did not verify.</summary>
    public long Rejected { get; init; }

    public HubLink Link => new(Hub, Topic);
}

/// <summary>Where a WebSub subscription stands.</summary>
public enum HubSubscriptionState
{
    /// <summary>Asked; the hub has not verified it yet.</summary>
    Subscribing,

    /// <summary>The hub verified it: pushes arrive until the lease ends (renewed before).</summary>
    Verified,

    /// <summary>The hub refused, denied or never verified it, or the lease ended: retried later; the feed is polled as usual.</summary>
    Failed,

    /// <summary>Not wanted any more (the feed was removed, purged, or declares another hub): the hub is being told.</summary>
    Unsubscribing,
}
