using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>The feeds table as Dapper reads it; converted to <see cref="Feed"/> at the store's edge.</summary>
internal sealed record FeedRow
{
    public const string Columns = """
        id AS Id, url AS Url, origin AS Origin, title AS Title, site_url AS SiteUrl, category AS Category,
        interval_seconds AS IntervalSeconds, etag AS ETag, last_modified AS LastModified, status AS Status,
        last_http_status AS LastHttpStatus, last_error AS LastError, consecutive_errors AS ConsecutiveErrors,
        last_polled_at AS LastPolledAt, last_success_at AS LastSuccessAt, next_poll_at AS NextPollAt,
        retry_after_at AS RetryAfterAt, body_hash AS BodyHash, discovered_url AS DiscoveredUrl,
        hint_seconds AS HintSeconds, last_warning AS Warning,
        removed_at AS RemovedAt, posting_since AS PostingSince, posting_entries AS PostingEntries,
        hub_url AS HubUrl, hub_topic AS HubTopic, push_until AS PushUntil, push_seen_at AS PushSeenAt,
        push_missed_at AS PushMissedAt
        """;

    /// <summary>The columns of <see cref="Columns"/> read from alias f beside an article's, minus the id that splits the row.</summary>
    public static readonly string JoinedColumns = string.Join(", ",
        Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.StartsWith("id ", StringComparison.Ordinal))
            .Select(c => "f." + c));

    public long Id { get; init; }
    public string Url { get; init; } = "";
    public string Origin { get; init; } = FeedOrigin.Opml;
    public string? Title { get; init; }
    public string? SiteUrl { get; init; }
    public string? Category { get; init; }
    public long? IntervalSeconds { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string Status { get; init; } = "new";
    public long? LastHttpStatus { get; init; }
    public string? LastError { get; init; }
    public long ConsecutiveErrors { get; init; }
    public long? LastPolledAt { get; init; }
    public long? LastSuccessAt { get; init; }
    public long? NextPollAt { get; init; }
    public long? RetryAfterAt { get; init; }
    public string? BodyHash { get; init; }
    public string? DiscoveredUrl { get; init; }
    public long? HintSeconds { get; init; }
    public string? Warning { get; init; }
    public long? RemovedAt { get; init; }
    public long? PostingSince { get; init; }
    public long? PostingEntries { get; init; }
    public string? HubUrl { get; init; }
    public string? HubTopic { get; init; }
    public long? PushUntil { get; init; }
    public long? PushSeenAt { get; init; }
    public long? PushMissedAt { get; init; }

    public Feed ToFeed() => new()
    {
        Id = Id,
        Url = Url,
        Title = Title,
        SiteUrl = SiteUrl,
        Category = Category,
        Interval = IntervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        ETag = ETag,
        LastModified = LastModified,
        Status = Enum.TryParse<FeedStatus>(Status, ignoreCase: true, out var status) ? status : FeedStatus.New,
        LastHttpStatus = (int?)LastHttpStatus,
        LastError = LastError,
        Warning = Warning,
        RemovedAt = UnixTime.FromDb(RemovedAt),
        ConsecutiveErrors = (int)ConsecutiveErrors,
        LastPolledAt = UnixTime.FromDb(LastPolledAt),
        LastSuccessAt = UnixTime.FromDb(LastSuccessAt),
        NextPollAt = UnixTime.FromDb(NextPollAt),
        RetryAfter = UnixTime.FromDb(RetryAfterAt),
        BodyHash = BodyHash,
        DiscoveredUrl = DiscoveredUrl,
        Hint = HintSeconds is { } h ? TimeSpan.FromSeconds(h) : null,
        Posting = PostingSince is { } since && PostingEntries is { } entries ? new PostingSample(UnixTime.FromDb(since), (int)entries) : null,
        Hub = HubUrl is not null && HubTopic is not null ? new HubLink(HubUrl, HubTopic) : null,
        PushUntil = UnixTime.FromDb(PushUntil),
        PushSeenAt = UnixTime.FromDb(PushSeenAt),
        PushMissedAt = UnixTime.FromDb(PushMissedAt),
    };

    public static string StatusText(FeedStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Where a feed row came from: the OPML file (polled, synced) or the seed corpus (never polled).</summary>
internal static class FeedOrigin
{
    public const string Opml = "opml";
    public const string Seed = "seed";
}
