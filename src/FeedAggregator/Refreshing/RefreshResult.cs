using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>What one feed's refresh came to, for logs and the CLI.</summary>
/// <param name="Held">Not fetched: its host is under a server's Retry-After.</param>
/// <param name="Outcome">What the poll came to, for the polls metric (null outside a poll).</param>
public sealed record RefreshResult(Feed Feed, int Added = 0, int Updated = 0, bool Held = false, PollOutcome? Outcome = null)
{
    public FeedStatus Status => Feed.Status;
    public string? Error => Feed.LastError;
}
