using System.Threading.RateLimiting;
using FeedAggregator.Fetching;
using FeedAggregator.WebSub;
using FeedAggregator.Worker.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// <c>/websub/callback/{feed id}/{token}</c>: GET is a hub verifying intent, POST is content it
/// pushes. An unknown callback is 404; a body over Fetching:MaxBodyBytes is 413; more than
/// WebSub:MaxPushesPerMinute pushes to one callback in a minute are 429. Stored content is
/// published at once (the publish job is triggered), not at the job's next turn.
/// </summary>
internal static class WebSubEndpoint
{
    public const string PushPolicy = "websub-push";
    private const string Route = "/websub/callback/{feedId:long}/{token}";

    /// <summary>The per-callback limit on pushes: a fixed window of one minute, no queue.</summary>
    public static IServiceCollection AddWebSubRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PushPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Request.RouteValues["feedId"]}/{http.Request.RouteValues["token"]}",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<WebSubOptions>>().Value.MaxPushesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSubEndpoint))
                    .LogDebug("WebSub: a push for feed {FeedId} was refused: over WebSub:MaxPushesPerMinute", context.HttpContext.Request.RouteValues["feedId"]);
                return ValueTask.CompletedTask;
            };
        });

    public static IEndpointRouteBuilder MapWebSubEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (long feedId, string token, HttpRequest request, IntentVerifier verifier, CancellationToken cancellationToken) =>
        {
            var query = request.Query;
            var challenge = await verifier.VerifyAsync(
                feedId, token, query["hub.mode"], query["hub.topic"], query["hub.challenge"], query["hub.lease_seconds"], query["hub.reason"],
                cancellationToken);
            return challenge is null ? Results.NotFound() : Results.Text(challenge, "text/plain");
        });

        app.MapPost(Route, async (
            long feedId, string token, HttpContext http, PushReceiver receiver, IOptions<FetchingOptions> fetching,
            ISchedulerFactory schedulers, CancellationToken cancellationToken) =>
        {
            if (await ReadBodyAsync(http, fetching.Value.MaxBodyBytes, cancellationToken) is not { } body)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var headers = http.Request.Headers;
            var result = await receiver.ReceiveAsync(
                feedId, token, body, headers.ContentType, headers["X-Hub-Signature"], headers["X-Hub-Signature-256"], cancellationToken);
            if (result.Changed)
                await (await schedulers.GetScheduler(cancellationToken)).TriggerJob(PublishJob.Key, cancellationToken);
            return result.Outcome switch
            {
                PushOutcome.Stored or PushOutcome.Rejected => Results.Accepted(),
                PushOutcome.Unsubscribed => Results.StatusCode(StatusCodes.Status410Gone),
                PushOutcome.Failed => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                _ => Results.NotFound(),
            };
        }).RequireRateLimiting(PushPolicy);
        return app;
    }

    /// <summary>The request body, or null when it is larger than <paramref name="maxBytes"/> (declared or read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, long maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
            return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
