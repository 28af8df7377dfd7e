using Microsoft.Extensions.Logging;

namespace FeedAggregator.Fetching;

/// <summary>The fetcher's log lines, with stable property names. Bodies are never logged.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 1099, Level = LogLevel.Debug,
        Message = "Fetching {FeedUrl} (If-None-Match: {HasETag}, If-Modified-Since: {HasLastModified})")]
    public static partial void Fetching(ILogger logger, Uri feedUrl, bool hasETag, bool hasLastModified);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "Fetched {FeedUrl}: {Outcome}, HTTP {StatusCode}, {BodyBytes} bytes from {FinalUrl} in {ElapsedMs} ms")]
    public static partial void Fetched(
        ILogger logger, Uri feedUrl, FetchOutcome outcome, int? statusCode, int bodyBytes, Uri finalUrl, long elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Redirect for {FeedUrl}: HTTP {StatusCode} from {FromUrl} to {Location}")]
    public static partial void Redirected(ILogger logger, Uri feedUrl, int statusCode, Uri fromUrl, string? location);

    // Debug: the refresher logs the failure once, as a warning, with the feed's new state.
    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "Fetching {FeedUrl} failed: {Outcome}, HTTP {StatusCode}: {Error} (at {FinalUrl}, after {ElapsedMs} ms)")]
    public static partial void Failed(
        ILogger logger, Uri feedUrl, FetchOutcome outcome, int? statusCode, string? error, Uri finalUrl, long elapsedMs);
}
