using FeedAggregator.Fetching;

namespace FeedAggregator.Refreshing;

/// <summary>
/// What one feed's poll came to, for the polls metric: a new document, not modified, the same
/// body again, an error (with its class), gone, or held by its host's Retry-After.
/// </summary>
/// <param name="Name">The metric's <c>outcome</c> label.</param>
/// <param name="ErrorClass">For errors, the <c>error</c> label: http_4xx, http_5xx, timeout, network, too_large, redirect, discovery, parse, invalid_url, internal.</param>
public sealed record PollOutcome(string Name, string? ErrorClass = null)
{
    public static readonly PollOutcome New = new("new");
    public static readonly PollOutcome NotModified = new("not_modified");
    public static readonly PollOutcome UnchangedBody = new("unchanged_body");
    public static readonly PollOutcome Gone = new("gone");
    public static readonly PollOutcome Held = new("held");

    public static PollOutcome Error(string errorClass) => new("error", errorClass);

    /// <summary>A failed fetch's class: the HTTP status family, or what kept the answer from arriving.</summary>
    public static PollOutcome FetchError(FetchResult fetch) => Error(fetch.Failure switch
    {
        FetchFailure.Http => fetch.StatusCode >= 500 ? "http_5xx" : "http_4xx",
        FetchFailure.Timeout => "timeout",
        FetchFailure.TooLarge => "too_large",
        FetchFailure.Redirect => "redirect",
        _ => "network",
    });
}
