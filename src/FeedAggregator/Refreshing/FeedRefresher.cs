using FeedAggregator.Fetching;
using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Storage;
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
    PollSchedule schedule,
    TimeProvider time,
    ILogger<FeedRefresher> logger)
{
    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var polled = feed with { LastPolledAt = now };
        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url))
            return await FailAsync(polled, $"not an absolute URL: {feed.Url}", null, cancellationToken);

        var fetch = await fetcher.FetchAsync(new FetchRequest(url, feed.ETag, feed.LastModified), cancellationToken);
        polled = polled with { LastHttpStatus = fetch.StatusCode };
        if (fetch.PermanentUrl is { } moved)
        {
            logger.LogWarning("Fetching: {FeedUrl} moved permanently to {NewUrl}; update the subscription", feed.Url, moved);
        }

        switch (fetch.Outcome)
        {
            case FetchOutcome.NotModified:
                return await SucceedAsync(polled, now, cancellationToken);
            case FetchOutcome.Gone:
                var gone = polled with { Status = FeedStatus.Gone, LastError = fetch.Error ?? "HTTP 410 Gone", NextPollAt = null };
                logger.LogWarning("Fetching: {FeedUrl} is gone (410); it is not polled again until reactivated", feed.Url);
                await feeds.UpdatePollStateAsync(gone, cancellationToken);
                return new RefreshResult(gone);
            case FetchOutcome.Failed:
                return await FailAsync(polled, "fetch: " + (fetch.Error ?? "failed"), fetch.RetryAfter, cancellationToken);
        }

        var parsed = parser.Parse(fetch.Body ?? [], fetch.FinalUrl, fetch.ContentType);
        if (parsed.Feed is not { } document)
            return await FailAsync(polled, "parse: " + parsed.Error, null, cancellationToken);
        foreach (var warning in document.Warnings)
            logger.LogInformation("Parsing: {FeedUrl}: {Warning}", feed.Url, warning);

        var processed = processor.Process(document, fetch.FinalUrl, feed.Id);
        var succeeded = Succeeded(polled, now) with
        {
            ETag = fetch.ETag,
            LastModified = fetch.LastModified,
            Title = string.IsNullOrWhiteSpace(feed.Title) ? NullIfBlank(document.Title) : feed.Title,
            SiteUrl = UrlResolver.Resolve(document.Link, document.BaseUrl ?? fetch.FinalUrl) ?? feed.SiteUrl,
        };
        var summary = await articles.SaveAsync(succeeded, processed, now, cancellationToken);
        logger.LogInformation(
            "Refreshing: {FeedUrl}: {Entries} entries, {Added} new, {Updated} updated",
            feed.Url, processed.Count, summary.Added, summary.Updated);
        return new RefreshResult(succeeded, summary.Added, summary.Updated);
    }

    private async Task<RefreshResult> SucceedAsync(Feed polled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var succeeded = Succeeded(polled, now);
        await feeds.UpdatePollStateAsync(succeeded, cancellationToken);
        return new RefreshResult(succeeded);
    }

    private Feed Succeeded(Feed polled, DateTimeOffset now) => polled with
    {
        Status = FeedStatus.Ok,
        LastError = null,
        ConsecutiveErrors = 0,
        LastSuccessAt = now,
        RetryAfter = null,
        NextPollAt = schedule.AfterSuccess(polled, now),
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
            "Refreshing: {FeedUrl} failed ({ConsecutiveErrors} in a row), next poll at {NextPoll:u}: {Error}",
            polled.Url, errors, failed.NextPollAt, error);
        await feeds.UpdatePollStateAsync(failed, cancellationToken);
        return new RefreshResult(failed);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
