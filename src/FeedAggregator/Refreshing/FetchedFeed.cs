using FeedAggregator.Fetching;
using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>
/// A feed after the network stage: either a body to process, or (not modified, failed, gone, the
/// same bytes again) only its new poll state to store.
/// </summary>
/// <param name="Feed">The feed as it was before this poll.</param>
/// <param name="Polled">Its poll state so far (status, moves, discovery).</param>
/// <param name="BodyHash">The SHA-256 of the body to process.</param>
/// <param name="Done">Set when nothing is left to process: what to store.</param>
public sealed record FetchedFeed(Feed Feed, Feed Polled, FetchResult? Fetch, DateTimeOffset Now, string? BodyHash = null, FeedWrite? Done = null);
