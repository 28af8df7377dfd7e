namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// The UPDATE of a feed's poll state, alone or in the transaction of its poll's articles. Storing
/// a poll ends the feed's lease: leased_until becomes the time it ended (see <see cref="IPollLeases"/>).
/// Its parameters are <see cref="FeedPollState.Names"/>.
/// </summary>
internal static class FeedPollStateSql
{
    public const string Update = """
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
}
