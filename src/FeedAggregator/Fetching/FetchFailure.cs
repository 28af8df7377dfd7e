namespace FeedAggregator.Fetching;

/// <summary>Why a fetch failed, as a class an operator can count and alert on (the message says the rest).</summary>
public enum FetchFailure
{
    /// <summary>The server answered with an HTTP error status.</summary>
    Http,

    /// <summary>The whole fetch took longer than Fetching:Timeout.</summary>
    Timeout,

    /// <summary>No answer: DNS, refused or reset connections, TLS, a broken response.</summary>
    Network,

    /// <summary>The body was larger than Fetching:MaxBodyBytes.</summary>
    TooLarge,

    /// <summary>Too many redirects, a redirect without a Location, or a scheme other than http(s).</summary>
    Redirect,
}
