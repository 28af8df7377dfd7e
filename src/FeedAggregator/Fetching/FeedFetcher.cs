using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Fetching;

/// <summary>
/// Fetches one feed document politely: conditional GET, redirects followed by hand, a total time
/// limit and a body cap. A server's or the network's failure is a <see cref="FetchOutcome.Failed"/>
/// result; only the caller's cancellation escapes as an exception.
/// </summary>
public sealed class FeedFetcher(
    HttpClient http, IOptions<FetchingOptions> options, TimeProvider time, ILogger<FeedFetcher> logger, FetchMetrics? metrics = null)
{
    internal const string AcceptHeader =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " +
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

    internal static readonly string DefaultUserAgent =
        $"FeedAggregator/{typeof(FeedFetcher).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} " +
        "(+https://github.com/feedaggregator/feedaggregator)";

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var started = time.GetTimestamp();
        var chain = new RedirectChain(request.Url, settings.MaxRedirects);
        FetchLog.Fetching(logger, request.Url, request.ETag is not null, request.LastModified is not null);

        // One clock for the whole fetch: every hop, the headers and a body that trickles in.
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        FetchResult result;
        try
        {
            result = await FollowAsync(request, chain, settings, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or InvalidDataException)
        {
            // The caller's cancellation is theirs to handle; anything else is the feed's failure.
            cancellationToken.ThrowIfCancellationRequested();
            result = timeout.IsCancellationRequested
                ? Failed(chain, FetchErrors.TimedOut(settings.Timeout), failure: FetchFailure.Timeout)
                : Failed(chain, FetchErrors.Describe(ex, chain.Current), failure: FetchFailure.Network);
        }

        var elapsed = time.GetElapsedTime(started);
        metrics?.Fetched(result, elapsed);
        Log(request, result, (long)elapsed.TotalMilliseconds);
        return result;
    }

    private async Task<FetchResult> FollowAsync(
        FetchRequest request, RedirectChain chain, FetchingOptions settings, CancellationToken cancellationToken)
    {
        if (RedirectChain.CheckScheme(request.Url) is { } schemeError)
        {
            return Failed(chain, schemeError, failure: FetchFailure.Redirect);
        }

        while (true)
        {
            var from = chain.Current;
            using var message = CreateRequest(from, request, settings);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (!RedirectChain.IsRedirect(status))
            {
                return await ReadAsync(response, request, chain, settings, cancellationToken);
            }

            var location = Raw(response.Headers, "Location");
            FetchLog.Redirected(logger, request.Url, status, from, location);
            if (chain.Follow(status, location) is { } redirectError)
            {
                return Failed(chain, redirectError, status, FetchFailure.Redirect);
            }
        }
    }

    private static HttpRequestMessage CreateRequest(Uri url, FetchRequest request, FetchingOptions settings)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", string.IsNullOrWhiteSpace(settings.UserAgent) ? DefaultUserAgent : settings.UserAgent);
        headers.TryAddWithoutValidation("Accept", AcceptHeader);

        // Validators go back exactly as the server gave them: some servers compare strings.
        if (!string.IsNullOrWhiteSpace(request.ETag))
        {
            headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (!string.IsNullOrWhiteSpace(request.LastModified))
        {
            headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private async Task<FetchResult> ReadAsync(
        HttpResponseMessage response, FetchRequest request, RedirectChain chain, FetchingOptions settings,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        switch (status)
        {
            case 200:
                var body = await BoundedBody.ReadAsync(response.Content, settings.MaxBodyBytes, cancellationToken);
                if (body is null)
                {
                    return Failed(chain, FetchErrors.TooLarge(settings.MaxBodyBytes), status, FetchFailure.TooLarge);
                }

                return new FetchResult
                {
                    Outcome = FetchOutcome.Content,
                    StatusCode = status,
                    Body = body,
                    ContentType = Raw(response.Content.Headers, "Content-Type"),
                    ETag = Raw(response.Headers, "ETag"),
                    LastModified = Raw(response.Content.Headers, "Last-Modified"),
                    FinalUrl = chain.Current,
                    PermanentUrl = chain.PermanentUrl,
                    CacheLifetime = CacheLifetimeOf(response),
                    Links = response.Headers.NonValidated.TryGetValues("Link", out var links) ? [.. links] : [],
                };
            case 304:
                return new FetchResult
                {
                    Outcome = FetchOutcome.NotModified,
                    StatusCode = status,
                    ETag = request.ETag,
                    LastModified = request.LastModified,
                    FinalUrl = chain.Current,
                    PermanentUrl = chain.PermanentUrl,
                    CacheLifetime = CacheLifetimeOf(response),
                };
            case 410:
                return new FetchResult
                {
                    Outcome = FetchOutcome.Gone,
                    StatusCode = status,
                    FinalUrl = chain.Current,
                    Error = FetchErrors.Status(status, response.ReasonPhrase),
                };
            case 429 or 503:
                return Failed(chain, FetchErrors.Status(status, response.ReasonPhrase), status) with
                {
                    RetryAfter = RetryAfter.Resolve(response.Headers.RetryAfter, time.GetUtcNow()),
                };
            default:
                return Failed(chain, FetchErrors.Status(status, response.ReasonPhrase), status);
        }
    }

    private TimeSpan? CacheLifetimeOf(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
            return maxAge;

        // Expires is relative to the server's clock (its Date header), not ours.
        var now = response.Headers.Date ?? time.GetUtcNow();
        return response.Content.Headers.Expires is { } expires && expires > now ? expires - now : null;
    }

    private static FetchResult Failed(RedirectChain chain, string error, int? status = null, FetchFailure failure = FetchFailure.Http) => new()
    {
        Outcome = FetchOutcome.Failed,
        StatusCode = status,
        FinalUrl = chain.Current,
        Failure = failure,
        Error = error,
    };

    /// <summary>A header's first value as sent, unparsed (a malformed ETag is still a validator).</summary>
    private static string? Raw(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private void Log(FetchRequest request, FetchResult result, long elapsedMs)
    {
        if (result.Outcome is FetchOutcome.Content or FetchOutcome.NotModified)
        {
            FetchLog.Fetched(logger, request.Url, result.Outcome, result.StatusCode, result.Body?.Length ?? 0, result.FinalUrl, elapsedMs);
        }
        else
        {
            FetchLog.Failed(logger, request.Url, result.Outcome, result.StatusCode, result.Error, result.FinalUrl, elapsedMs);
        }
    }
}
