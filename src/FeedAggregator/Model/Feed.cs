namespace FeedAggregator.Model;

/// <summary>
/// A subscription and its poll state. The row in the store is the one source of truth for when
/// and how the feed is polled.
/// </summary>
public sealed record Feed
{
    public long Id { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }
    public string? SiteUrl { get; init; }
    public string? Category { get; init; }

    /// <summary>The per-feed poll interval from the OPML; null means the configured default.</summary>
    public TimeSpan? Interval { get; init; }

    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public FeedStatus Status { get; init; } = FeedStatus.New;
    public int? LastHttpStatus { get; init; }
    public string? LastError { get; init; }

    /// <summary>
    /// What the last parse of the feed tolerated or cut (a recovered document, entries over
    /// Parsing:MaxEntries, an entry over its processing budget): the feed works, but not all of it.
    /// Kept while the server answers "not modified"; replaced at the next parse.
    /// </summary>
    public string? Warning { get; init; }
    public int ConsecutiveErrors { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>A server's Retry-After: not even a forced poll goes before it.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>SHA-256 of the last body processed: an identical body is skipped unparsed.</summary>
    public string? BodyHash { get; init; }

    /// <summary>The feed URL found on the HTML page the subscription points at (autodiscovery).</summary>
    public string? DiscoveredUrl { get; init; }

    /// <summary>How often the feed itself asks to be polled (ttl, sy:updatePeriod, max-age, Expires).</summary>
    public TimeSpan? Hint { get; init; }

    /// <summary>
    /// When the feed left the OPML file: it is no longer polled and its articles leave the merged
    /// feed, but both are kept for Subscriptions:RemovedGrace, so re-adding it restores them.
    /// </summary>
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>How often the feed posts, from the dates of its last parsed document; null when they did not tell.</summary>
    public PostingSample? Posting { get; init; }

    /// <summary>The WebSub hub the feed declared when it was last parsed; null when it declared none.</summary>
    public HubLink? Hub { get; init; }

    /// <summary>While the feed's WebSub subscription is verified: when its lease ends (written by the subscriber, not the poll).</summary>
    public DateTimeOffset? PushUntil { get; init; }

    /// <summary>The last sign that pushes work: the subscription verified or renewed, or content pushed.</summary>
    public DateTimeOffset? PushSeenAt { get; init; }

    /// <summary>When a poll found entries that no push had brought while pushes were relied on.</summary>
    public DateTimeOffset? PushMissedAt { get; init; }

    /// <summary>
    /// Pushes are relied on: the subscription is verified, its lease runs, and no poll has found
    /// an entry that pushes missed since they last showed they work.
    /// </summary>
    public bool IsPushed(DateTimeOffset now) => PushUntil > now && !(PushMissedAt >= PushSeenAt);

    /// <summary>The title to show: the feed's own or, before the first poll, its URL.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? Url : Title;

    /// <summary>
    /// The host a poll contacts (the discovered feed's when the subscription is an HTML page): the
    /// unit of politeness, since MinHostGap, the per-host concurrency and a Retry-After hold per host.
    /// </summary>
    public string Host => HostOf(DiscoveredUrl ?? Url);

    /// <summary>The lower-cased host of <paramref name="url"/>, or the text itself when it is not an absolute URL.</summary>
    public static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : url;
}
