using System.Data;
using Dapper;
using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>
/// The one UPDATE of a feed's poll state, shared by the feed store and by the article store (which
/// writes it in the same transaction as the articles of that poll).
/// </summary>
internal static class FeedPollStateWriter
{
    public static Task WriteAsync(IDbConnection connection, IDbTransaction? transaction, Feed feed, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE feeds SET
                url = @Url, title = @Title, site_url = @SiteUrl, etag = @ETag, last_modified = @LastModified,
                status = @status, last_http_status = @LastHttpStatus, last_error = @LastError,
                consecutive_errors = @ConsecutiveErrors, last_polled_at = @lastPolledAt,
                last_success_at = @lastSuccessAt, next_poll_at = @nextPollAt, retry_after_at = @retryAfterAt,
                body_hash = @BodyHash, discovered_url = @DiscoveredUrl, hint_seconds = @hintSeconds,
                last_warning = @Warning
            WHERE id = @Id
            """,
            new
            {
                feed.Id,
                feed.Url,
                feed.Title,
                feed.SiteUrl,
                feed.ETag,
                feed.LastModified,
                status = FeedRow.StatusText(feed.Status),
                feed.LastHttpStatus,
                feed.LastError,
                feed.Warning,
                feed.ConsecutiveErrors,
                lastPolledAt = UnixTime.ToDb(feed.LastPolledAt),
                lastSuccessAt = UnixTime.ToDb(feed.LastSuccessAt),
                nextPollAt = UnixTime.ToDb(feed.NextPollAt),
                retryAfterAt = UnixTime.ToDb(feed.RetryAfter),
                feed.BodyHash,
                feed.DiscoveredUrl,
                hintSeconds = (long?)feed.Hint?.TotalSeconds,
            },
            transaction,
            cancellationToken: cancellationToken));
}
