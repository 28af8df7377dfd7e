using System.Runtime.ExceptionServices;
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
    ILogger<FeedRefresher> logger,
    ArticleMetrics? articleMetrics = null)
{
    /// <summary>One feed through every stage in turn (the poll cycle runs the stages apart).</summary>
    public async Task<RefreshResult> RefreshAsync(Feed feed, CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(feed, cancellationToken);
        return await StoreAsync(fetched.Done ?? await ProcessAsync(fetched, cancellationToken), cancellationToken);
    }

    /// <summary>The network stage: fetch (and discover, follow a move); a body is left to process.</summary>
    public async Task<FetchedFeed> FetchAsync(Feed feed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var polled = feed with { LastPolledAt = now };
        if (!Uri.TryCreate(feed.DiscoveredUrl ?? feed.Url, UriKind.Absolute, out var url))
            return Done(Fail(polled, $"not an absolute URL: {feed.Url}", null, PollOutcome.Error("invalid_url")));

        var fetch = await fetcher.FetchAsync(new FetchRequest(url, feed.ETag, feed.LastModified), cancellationToken);
        polled = await FollowMoveAsync(polled, fetch, cancellationToken);
        if (fetch is { Outcome: FetchOutcome.Content, Body: { } page } && FeedLinkFinder.IsHtml(fetch.ContentType, page))
        {
            // Autodiscovery: the subscription is a web page; poll the first feed it links to.
            if (FeedLinkFinder.Find(page, fetch.FinalUrl) is not [var discovered, ..])
                return Done(Fail(polled with { LastHttpStatus = fetch.StatusCode }, "discovery: an HTML page with no feed link", null, PollOutcome.Error("discovery")));
            logger.LogInformation("Refreshing: {FeedUrl} is an HTML page; polling its feed {DiscoveredUrl}", feed.Url, discovered);
            polled = polled with { DiscoveredUrl = discovered.AbsoluteUri, ETag = null, LastModified = null, BodyHash = null };
            fetch = await fetcher.FetchAsync(new FetchRequest(discovered), cancellationToken);
            polled = await FollowMoveAsync(polled, fetch, cancellationToken);
        }

        polled = polled with { LastHttpStatus = fetch.StatusCode };
        switch (fetch.Outcome)
        {
            case FetchOutcome.NotModified:
                return Done(new FeedWrite(Succeeded(polled with { Hint = fetch.CacheLifetime ?? feed.Hint }, now, null), now, Outcome: PollOutcome.NotModified));
            case FetchOutcome.Gone:
                logger.LogWarning("Fetching: {FeedUrl} (feed {FeedId}) is gone (410); it is not polled again until reactivated", feed.Url, feed.Id);
                return Done(new FeedWrite(
                    polled with { Status = FeedStatus.Gone, LastError = fetch.Error ?? "HTTP 410 Gone", NextPollAt = null }, now, Outcome: PollOutcome.Gone));
            case FetchOutcome.Failed:
                return Done(Fail(polled, "fetch: " + (fetch.Error ?? "failed"), fetch.RetryAfter, PollOutcome.FetchError(fetch)));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(fetch.Body ?? []));
        var fresh = polled with { ETag = fetch.ETag, LastModified = fetch.LastModified, BodyHash = hash };
        if (hash == feed.BodyHash && feed.DiscoveredUrl == polled.DiscoveredUrl)
        {
            // The server ignores validators but sent the same bytes: nothing to parse or store.
            logger.LogDebug("Refreshing: {FeedUrl}: body unchanged (SHA-256), skipped", feed.Url);
            return Done(new FeedWrite(Succeeded(fresh with { Hint = fetch.CacheLifetime ?? feed.Hint }, now, null), now, Outcome: PollOutcome.UnchangedBody));
        }

        return new FetchedFeed(feed, polled, fetch, now, hash);

        FetchedFeed Done(FeedWrite write) => new(feed, write.Feed, Fetch: null, now, Done: write);
    }

    /// <summary>
    /// The CPU stage: parse, then process only the entries the store does not hold as they are
    /// (one lookup per document); an unchanged entry costs a hash and that lookup.
    /// </summary>
    public async Task<FeedWrite> ProcessAsync(FetchedFeed fetched, CancellationToken cancellationToken)
    {
        var (feed, polled, fetch, now) = (fetched.Feed, fetched.Polled, fetched.Fetch!, fetched.Now);
        var parsed = parser.Parse(fetch.Body ?? [], fetch.FinalUrl, fetch.ContentType);
        if (parsed.Feed is not { } document)
            return Fail(polled, "parse: " + parsed.Error, null, PollOutcome.Error("parse"));
        var entries = await ProcessEntriesAsync(feed, document, fetch.FinalUrl, "Parsing", cancellationToken);

        var fresh = polled with
        {
            ETag = fetch.ETag,
            LastModified = fetch.LastModified,
            BodyHash = fetched.BodyHash,
            Hint = Longest(document.PollHints.Interval, fetch.CacheLifetime),
            Posting = PostingRate.Sample(document.Entries.Select(e => e.Published ?? e.Updated), now),
            Hub = HubDiscovery.Find(fetch.Links, document, fetch.FinalUrl),
            PushMissedAt = PushMissed(feed, entries, now) ?? feed.PushMissedAt,
        };
        var succeeded = Succeeded(fresh, now, document.PollHints) with
        {
            Title = string.IsNullOrWhiteSpace(feed.Title) ? NullIfBlank(document.Title) : feed.Title,
            SiteUrl = UrlResolver.Resolve(document.Link, document.BaseUrl ?? fetch.FinalUrl) ?? feed.SiteUrl,
            Warning = FeedWarning.Of(entries.Warnings),
        };
        return new FeedWrite(
            succeeded, now, entries.Processed, document.Entries.Count, entries.Skipped, DocumentKeys: entries.Keys, Outcome: PollOutcome.New);
    }

    /// <summary>
    /// Content a WebSub hub pushed for <paramref name="feed"/>, through the same parse and process
    /// stages as a poll; stored by <see cref="StoreAllAsync"/> without touching the feed's poll
    /// state. Null when the content is not a feed (logged).
    /// </summary>
    public async Task<FeedWrite?> ProcessPushAsync(Feed feed, byte[] body, string? contentType, Uri topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var now = time.GetUtcNow();
        var parsed = parser.Parse(body, topic, contentType);
        if (parsed.Feed is not { } document)
        {
            logger.LogWarning("WebSub: content pushed for {FeedUrl} (feed {FeedId}) was not stored: {Error}", feed.Url, feed.Id, parsed.Error);
            return null;
        }

        var entries = await ProcessEntriesAsync(feed, document, topic, "WebSub", cancellationToken);
        return new FeedWrite(feed, now, entries.Processed, document.Entries.Count, entries.Skipped, DocumentKeys: entries.Keys, Pushed: true);
    }

    private async Task<ProcessedEntries> ProcessEntriesAsync(
        Feed feed, ParsedFeed document, Uri documentUrl, string stage, CancellationToken cancellationToken)
    {
        foreach (var warning in document.Warnings)
            logger.LogWarning("{Stage}: {FeedUrl} (feed {FeedId}): {Warning}", stage, feed.Url, feed.Id, warning);

        // What processing had to cut goes on the feed's status with what parsing tolerated.
        var warnings = new List<string>(document.Warnings);
        var incoming = IncomingEntry.Of(document, documentUrl);
        var known = await articles.GetKnownAsync(
            feed.Id, [.. incoming.Select(e => e.Key)], [.. incoming.Select(e => e.Url).OfType<string>()], cancellationToken);
        var processed = new List<Article>();
        var added = new List<IncomingEntry>();
        foreach (var entry in incoming)
        {
            if (known.IsUnchanged(entry.Key, entry.RawHash) || known.IsRemoved(entry.Key, entry.Url))
                continue;
            processed.Add(processor.Process(document, entry.Entry, documentUrl, feed.Id, entry.IdIsUnique, warnings) with { RawHash = entry.RawHash });
            if (!known.IsStored(entry.Key))
                added.Add(entry);
        }

        foreach (var warning in warnings.Skip(document.Warnings.Count))
            logger.LogWarning("Processing: {FeedUrl} (feed {FeedId}): {Warning}", feed.Url, feed.Id, warning);
        return new ProcessedEntries(processed, incoming.Count - processed.Count, [.. incoming.Select(e => e.Key)], added, warnings);
    }

    /// <summary>
    /// Pushes have stopped when a poll, while they are relied on, finds a new entry dated after
    /// they last worked and more than <see cref="PushGrace"/> before the poll (a push may still be
    /// on its way for a younger one): the time of that poll, else null. Undated entries tell nothing.
    /// </summary>
    private DateTimeOffset? PushMissed(Feed feed, ProcessedEntries entries, DateTimeOffset now)
    {
        if (!schedule.IsPushed(feed, now) || feed.PushSeenAt is not { } seen)
            return null;
        var missed = entries.Added.Count(e => (e.Entry.Published ?? e.Entry.Updated) is { } date && date > seen && date <= now - PushGrace);
        if (missed == 0)
            return null;
        logger.LogWarning(
            "Refreshing: {FeedUrl} (feed {FeedId}): {Missed} new entries that its WebSub hub did not push; polled at its own interval until a push arrives",
            feed.Url, feed.Id, missed);
        return now;
    }

    /// <summary>How long a push may take to arrive after an entry is published before a poll counts it missed.</summary>
    public static readonly TimeSpan PushGrace = TimeSpan.FromMinutes(10);

    /// <summary>What processing a document's entries came to.</summary>
    /// <param name="Skipped">Entries stored as they are (or removed by retention): not processed.</param>
    /// <param name="Added">The processed entries that are not stored at all yet.</param>
    private sealed record ProcessedEntries(
        List<Article> Processed, int Skipped, IReadOnlyList<string> Keys, IReadOnlyList<IncomingEntry> Added, List<string> Warnings);

    /// <summary>The storage stage: the poll state, with the articles of the document in the same transaction.</summary>
    public async Task<RefreshResult> StoreAsync(FeedWrite write, CancellationToken cancellationToken)
    {
        if (write.Articles is null)
        {
            await feeds.UpdatePollStateAsync(write.Feed, cancellationToken);
            return write.Result;
        }

        var (_, result, error) = (await StoreAllAsync([write], cancellationToken))[0];
        if (error is not null)
            ExceptionDispatchInfo.Throw(error);
        return result!;
    }

    /// <summary>
    /// The storage stage for a backlog: several polls in one transaction, each still all or
    /// nothing; one outcome per write, in order (a poll the store refused has its error).
    /// </summary>
    public async Task<IReadOnlyList<(FeedWrite Write, RefreshResult? Result, Exception? Error)>> StoreAllAsync(
        IReadOnlyList<FeedWrite> writes, CancellationToken cancellationToken)
    {
        var outcomes = await articles.SaveAllAsync(
            [.. writes.Select(w => new DocumentWrite(w.Feed, w.Articles, w.Now, w.DocumentKeys, PollState: !w.Pushed))], cancellationToken);
        return [.. writes.Zip(outcomes, (write, outcome) => outcome.Summary is { } summary
            ? (write, Stored(write, summary), (Exception?)null)
            : (write, (RefreshResult?)null, outcome.Error))];
    }

    private RefreshResult Stored(FeedWrite write, StoreSummary summary)
    {
        if (write.Articles is not { } processed)
            return write.Result;
        articleMetrics?.Stored(summary, write.Skipped);
        logger.LogInformation(
            "{Stage}: {FeedUrl} (feed {FeedId}): {Entries} entries, {Added} new, {Updated} updated, {Processed} processed",
            write.Pushed ? "WebSub" : "Refreshing", write.Feed.Url, write.Feed.Id, write.Entries, summary.Added, summary.Updated, processed.Count);
        return new RefreshResult(write.Feed, summary.Added, summary.Updated, Outcome: write.Outcome);
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

    private Feed Succeeded(Feed polled, DateTimeOffset now, PollHints? hints) => polled with
    {
        Status = FeedStatus.Ok,
        LastError = null,
        ConsecutiveErrors = 0,
        LastSuccessAt = now,
        RetryAfter = null,
        NextPollAt = schedule.AfterSuccess(polled, now, hints),
    };

    private FeedWrite Fail(Feed polled, string error, DateTimeOffset? retryAfter, PollOutcome outcome)
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
        if (polled.LastHttpStatus is { } status)
        {
            logger.LogWarning(
                "Refreshing: {FeedUrl} (feed {FeedId}) failed with HTTP {HttpStatus} ({ConsecutiveErrors} in a row), next poll at {NextPoll:u}: {Error}",
                polled.Url, polled.Id, status, errors, failed.NextPollAt, error);
        }
        else
        {
            logger.LogWarning(
                "Refreshing: {FeedUrl} (feed {FeedId}) failed ({ConsecutiveErrors} in a row), next poll at {NextPoll:u}: {Error}",
                polled.Url, polled.Id, errors, failed.NextPollAt, error);
        }

        return new FeedWrite(failed, now, Outcome: outcome);
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a > b || b is null ? a : b;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
