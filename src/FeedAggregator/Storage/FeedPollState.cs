using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>The parameters of each provider's UPDATE of a feed's poll state, by name and in order.</summary>
internal static class FeedPollState
{
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
