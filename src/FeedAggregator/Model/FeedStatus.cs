namespace FeedAggregator.Model;

/// <summary>Where a feed stands after its last poll.</summary>
public enum FeedStatus
{
    /// <summary>Subscribed, never polled.</summary>
    New,

    /// <summary>The last poll succeeded (new content or not modified).</summary>
    Ok,

    /// <summary>The last poll failed; the feed backs off and is retried.</summary>
    Error,

    /// <summary>The server said 410 Gone; the feed is not polled again until reactivated.</summary>
    Gone,
}
