namespace FeedAggregator.WebSub;

/// <summary>What became of one push.</summary>
public sealed record PushResult(PushOutcome Outcome, int Added = 0, int Updated = 0)
{
    public static readonly PushResult Unknown = new(PushOutcome.Unknown);
    public static readonly PushResult Rejected = new(PushOutcome.Rejected);
    public static readonly PushResult Unsubscribed = new(PushOutcome.Unsubscribed);
    public static readonly PushResult Failed = new(PushOutcome.Failed);

    public bool Changed => Added + Updated > 0;
}

public enum PushOutcome
{
    /// <summary>No such callback: 404.</summary>
    Unknown,

    /// <summary>Parsed and stored (or not a feed, logged): 2xx.</summary>
    Stored,

    /// <summary>The signature did not verify: discarded, counted, still 2xx.</summary>
    Rejected,

    /// <summary>The subscription or its feed is no longer wanted: 410, so the hub drops it.</summary>
    Unsubscribed,

    /// <summary>The store refused it: 5xx, so the hub sends it again.</summary>
    Failed,
}
