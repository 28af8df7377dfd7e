using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>A websub_subscriptions row as both providers' WebSub stores read it with Dapper.</summary>
internal sealed record WebSubRow
{
    /// <summary>The columns, aliased to the properties.</summary>
    public const string Columns = """
        id AS Id, feed_id AS FeedId, hub AS Hub, topic AS Topic, token AS Token, secret AS Secret, state AS State,
        requested_at AS RequestedAt, verified_at AS VerifiedAt, lease_until AS LeaseUntil, attempts AS Attempts,
        retry_at AS RetryAt, last_error AS LastError, last_push_at AS LastPushAt, pushes AS Pushes, rejected AS Rejected
        """;

    public long Id { get; init; }
    public long FeedId { get; init; }
    public string Hub { get; init; } = "";
    public string Topic { get; init; } = "";
    public string Token { get; init; } = "";
    public string Secret { get; init; } = "";
    public string State { get; init; } = "";
    public long? RequestedAt { get; init; }
    public long? VerifiedAt { get; init; }
    public long? LeaseUntil { get; init; }
    public long Attempts { get; init; }
    public long? RetryAt { get; init; }
    public string? LastError { get; init; }
    public long? LastPushAt { get; init; }
    public long Pushes { get; init; }
    public long Rejected { get; init; }

    public HubSubscription ToSubscription() => new()
    {
        Id = Id,
        FeedId = FeedId,
        Hub = Hub,
        Topic = Topic,
        Token = Token,
        Secret = Secret,
        State = Enum.TryParse<HubSubscriptionState>(State, ignoreCase: true, out var state) ? state : HubSubscriptionState.Failed,
        RequestedAt = UnixTime.FromDb(RequestedAt),
        VerifiedAt = UnixTime.FromDb(VerifiedAt),
        LeaseUntil = UnixTime.FromDb(LeaseUntil),
        Attempts = (int)Attempts,
        RetryAt = UnixTime.FromDb(RetryAt),
        LastError = LastError,
        LastPushAt = UnixTime.FromDb(LastPushAt),
        Pushes = Pushes,
        Rejected = Rejected,
    };
}
