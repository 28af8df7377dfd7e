namespace FeedAggregator.Fetching;

/// <summary>How a fetch ended. Fetching never throws for a server's or the network's failure.</summary>
public enum FetchOutcome
{
    /// <summary>200 with a body.</summary>
    Content,

    /// <summary>304: nothing new since the validators.</summary>
    NotModified,

    /// <summary>410: the feed is gone for good.</summary>
    Gone,

    /// <summary>Anything else: HTTP error, timeout, network error, body too large.</summary>
    Failed,
}
