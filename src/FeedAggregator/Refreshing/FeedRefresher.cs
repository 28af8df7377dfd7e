using System.Security.Cryptography;
using FeedAggregator.Fetching;
using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Refreshing;

/// <summary>
/// One feed through the pipeline: fetch, parse, process, store. Every failure becomes the feed's
/// status (error count, message, next poll) rather than an exception.
/// </summary>
public sealed class FeedRefresher(
    FeedFetcher fetcher,
    FeedParser parser,
    ArticleProcessor processor,
    IFeedStore feeds,
    IArticleStore articles,
    SubscriptionList subscriptions,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<FeedRefresher> logger)
{
    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var polled = feed with { LastPolledAt = now };
        if (!Uri.TryCreate(feed.DiscoveredUrl ?? feed.Url, UriKind.Absolute, out var url))
            return await FailAsync(polled, $"not an absolute URL: {feed.Url}", null, cancellationToken);

        var fetch = await fetcher.FetchAsync(new FetchRequest(url, feed.ETag, feed.LastModified), cancellationToken);
        polled = await FollowMoveAsync(polled, fetch, cancellationToken);
        if (fetch is { Outcome: FetchOutcome.Content, Body: { } page } && FeedLinkFinder.IsHtml(fetch.ContentType, page))
        {
            // Autodiscovery: the subscription is a web page; poll the first feed it links to.
            if (FeedLinkFinder.Find(page, fetch.FinalUrl) is not [var discovered, ..])
                return await FailAsync(polled with { LastHttpStatus = fetch.StatusCode }, "discovery: an HTML page with no feed link", null, cancellationToken);
            logger.LogInformation("Refreshing: {FeedUrl} is an HTML page; polling its feed {DiscoveredUrl}", feed.Url, discovered);
            polled = polled with { DiscoveredUrl = discovered.AbsoluteUri, ETag = null, LastModified = null, BodyHash = null };
            fetch = await fetcher.FetchAsync(new FetchRequest(discovered), cancellationToken);
            polled = await FollowMoveAsync(polled, fetch, cancellationToken);
        }

        polled = polled with { LastHttpStatus = fetch.StatusCode };
        switch (fetch.Outcome)
        {
            case FetchOutcome.NotModified:
                return await SucceedAsync(polled with { Hint = fetch.CacheLifetime ?? feed.Hint }, now, cancellationToken);
            case FetchOutcome.Gone:
                var gone = polled with { Status = FeedStatus.Gone, LastError = fetch.Error ?? "HTTP 410 Gone", NextPollAt = null };
                logger.LogWarning("Fetching: {FeedUrl} (feed {FeedId}) is gone (410); it is not polled again until reactivated", feed.Url, feed.Id);
                await feeds.UpdatePollStateAsync(gone, cancellationToken);
                return new RefreshResult(gone);
            case FetchOutcome.Failed:
                return await FailAsync(polled, "fetch: " + (fetch.Error ?? "failed"), fetch.RetryAfter, cancellationToken);
        }

        var body = fetch.Body ?? [];
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var fresh = polled with { ETag = fetch.ETag, LastModified = fetch.LastModified, BodyHash = hash };
        if (hash == feed.BodyHash && feed.DiscoveredUrl == polled.DiscoveredUrl)
        {
            // The server ignores validators but sent the same bytes: nothing to parse or store.
            logger.LogDebug("Refreshing: {FeedUrl}: body unchanged (SHA-256), skipped", feed.Url);
            return await SucceedAsync(fresh with { Hint = fetch.CacheLifetime ?? feed.Hint }, now, cancellationToken);
        }

        var parsed = parser.Parse(body, fetch.FinalUrl, fetch.ContentType);
        if (parsed.Feed is not { } document)
            return await FailAsync(polled, "parse: " + parsed.Error, null, cancellationToken);
        foreach (var warning in document.Warnings)
            logger.LogWarning("Parsing: {FeedUrl} (feed {FeedId}): {Warning}", feed.Url, feed.Id, warning);

        // What processing had to cut goes on the feed's status with what parsing tolerated.
        var warnings = new List<string>(document.Warnings);
        var processed = processor.Process(document, fetch.FinalUrl, feed.Id, warnings);
        foreach (var warning in warnings.Skip(document.Warnings.Count))
            logger.LogWarning("Processing: {FeedUrl} (feed {FeedId}): {Warning}", feed.Url, feed.Id, warning);
        var succeeded = Succeeded(fresh with { Hint = Longest(document.PollHints.Interval, fetch.CacheLifetime) }, now, document.PollHints) with
        {
            Title = string.IsNullOrWhiteSpace(feed.Title) ? NullIfBlank(document.Title) : feed.Title,
            SiteUrl = UrlResolver.Resolve(document.Link, document.BaseUrl ?? fetch.FinalUrl) ?? feed.SiteUrl,
            Warning = FeedWarning.Of(warnings),
        };
        var summary = await articles.SaveAsync(succeeded, processed, now, cancellationToken);
        logger.LogInformation(
            "Refreshing: {FeedUrl}: {Entries} entries, {Added} new, {Updated} updated",
            feed.Url, processed.Count, summary.Added, summary.Updated);
        return new RefreshResult(succeeded, summary.Added, summary.Updated);
    }

    /// <summary>
    /// A permanent redirect (every hop 301/308) moves the subscription: in the store, then in the
    /// OPML file, so that the next sync keeps it. A temporary one changes nothing.
    /// </summary>
    private async Task<Feed> FollowMoveAsync(Feed polled, FetchResult fetch, CancellationToken cancellationToken)
    {
        if (fetch.PermanentUrl is not { } moved)
            return polled;
        if (polled.DiscoveredUrl is { } discovered)
        {
            logger.LogWarning("Fetching: {FeedUrl}: its feed moved permanently: {OldUrl} -> {NewUrl}", polled.Url, discovered, moved);
            return polled with { DiscoveredUrl = moved.AbsoluteUri };
        }

        if (!await feeds.MoveAsync(polled.Id, moved.AbsoluteUri, cancellationToken))
        {
            logger.LogWarning("Fetching: {FeedUrl} (feed {FeedId}) moved permanently to {NewUrl}, which is subscribed already; kept as is",
                polled.Url, polled.Id, moved);
            return polled;
        }

        logger.LogWarning("Fetching: {FeedUrl} (feed {FeedId}) moved permanently: {OldUrl} -> {NewUrl}", polled.Url, polled.Id, polled.Url, moved);
        try
        {
            if (!subscriptions.Move(polled.Url, moved.AbsoluteUri))
                logger.LogWarning("Subscriptions: {FeedUrl} is not in the OPML file; its new URL {NewUrl} was not written there", polled.Url, moved);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogError("Subscriptions: could not write {NewUrl} for {FeedUrl} to the OPML file: {Error}", moved, polled.Url, ex.Message);
        }

        return polled with { Url = moved.AbsoluteUri };
    }

    private async Task<RefreshResult> SucceedAsync(Feed polled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var succeeded = Succeeded(polled, now, null);
        await feeds.UpdatePollStateAsync(succeeded, cancellationToken);
        return new RefreshResult(succeeded);
    }

    private Feed Succeeded(Feed polled, DateTimeOffset now, PollHints? hints) => polled with
    {
        Status = FeedStatus.Ok,
        LastError = null,
        ConsecutiveErrors = 0,
        LastSuccessAt = now,
        RetryAfter = null,
        NextPollAt = schedule.AfterSuccess(polled, now, hints),
    };

    private async Task<RefreshResult> FailAsync(Feed polled, string error, DateTimeOffset? retryAfter, CancellationToken cancellationToken)
    {
        var now = polled.LastPolledAt ?? time.GetUtcNow();
        var errors = polled.ConsecutiveErrors + 1;
        var failed = polled with
        {
            Status = FeedStatus.Error,
            LastError = error,
            ConsecutiveErrors = errors,
            RetryAfter = retryAfter,
            NextPollAt = schedule.AfterFailure(polled, errors, now, retryAfter),
        };
        logger.LogWarning(
            "Refreshing: {FeedUrl} (feed {FeedId}) failed ({ConsecutiveErrors} in a row), next poll at {NextPoll:u}: {Error}",
            polled.Url, polled.Id, errors, failed.NextPollAt, error);
        await feeds.UpdatePollStateAsync(failed, cancellationToken);
        return new RefreshResult(failed);
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a > b || b is null ? a : b;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
