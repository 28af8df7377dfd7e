using FeedAggregator.Model;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The one UPDATE of a feed's poll state, prepared on the writer: alone (not modified, failed,
/// held) or in the same transaction as the articles of that poll. Storing a poll ends the feed's
/// lease: leased_until becomes the time it ended (see <see cref="IPollLeases"/>).
/// </summary>
internal static class FeedPollStateWriter
{
    public const string Sql = """
        UPDATE feeds SET
            url = @url, title = @title, site_url = @siteUrl, etag = @etag, last_modified = @lastModified,
            status = @status, last_http_status = @lastHttpStatus, last_error = @lastError,
            consecutive_errors = @consecutiveErrors, last_polled_at = @lastPolledAt,
            last_success_at = @lastSuccessAt, next_poll_at = @nextPollAt, retry_after_at = @retryAfterAt,
            body_hash = @bodyHash, discovered_url = @discoveredUrl, hint_seconds = @hintSeconds,
            last_warning = @warning, posting_since = @postingSince, posting_entries = @postingEntries,
            hub_url = @hubUrl, hub_topic = @hubTopic, push_missed_at = @pushMissedAt, host = @host,
            leased_until = CASE WHEN leased_until > @releasedAt THEN @releasedAt ELSE leased_until END
        WHERE id = @id
        """;

    public static readonly string[] Names =
    [
        "id", "url", "title", "siteUrl", "etag", "lastModified", "status", "lastHttpStatus", "lastError",
        "consecutiveErrors", "lastPolledAt", "lastSuccessAt", "nextPollAt", "retryAfterAt", "bodyHash",
        "discoveredUrl", "hintSeconds", "warning", "postingSince", "postingEntries", "hubUrl", "hubTopic", "pushMissedAt", "host", "releasedAt",
    ];

    /// <summary>The values of <see cref="Names"/>, in that order.</summary>
    public static object?[] Values(Feed feed, DateTimeOffset releasedAt) =>
    [
        feed.Id, feed.Url, feed.Title, feed.SiteUrl, feed.ETag, feed.LastModified, FeedRow.StatusText(feed.Status),
        feed.LastHttpStatus, feed.LastError, feed.ConsecutiveErrors, UnixTime.ToDb(feed.LastPolledAt),
        UnixTime.ToDb(feed.LastSuccessAt), UnixTime.ToDb(feed.NextPollAt), UnixTime.ToDb(feed.RetryAfter), feed.BodyHash,
        feed.DiscoveredUrl, (long?)feed.Hint?.TotalSeconds, feed.Warning, UnixTime.ToDb(feed.Posting?.Since), feed.Posting?.Entries,
        feed.Hub?.Hub, feed.Hub?.Topic, UnixTime.ToDb(feed.PushMissedAt), feed.Host, UnixTime.ToDb(releasedAt),
    ];
}
