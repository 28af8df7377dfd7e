using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>What one feed's refresh came to, for logs and the CLI.</summary>
public sealed record RefreshResult(Feed Feed, int Added = 0, int Updated = 0)
{
    public FeedStatus Status => Feed.Status;
    public string? Error => Feed.LastError;
}
