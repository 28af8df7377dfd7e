using System.Data.Common;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// /health: 200 when the store answers and the scheduler runs and has polled within its
/// expected interval (the checks the systemd watchdog pings on), else 503. Failing feeds are
/// counted but never make the service unhealthy: they are the internet's state, not ours.
/// </summary>
internal static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (
            ServiceHealth health, StoreHealth storeHealth, IFeedStore feeds, SubscriptionSync subscriptions, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            var store = report.Store;
            int total = 0, failing = 0;
            if (store == "ok")
            {
                try
                {
                    var all = await feeds.ListAsync(cancellationToken);
                    total = all.Count;
                    failing = all.Count(f => f.Status is FeedStatus.Error or FeedStatus.Gone);
                }
                catch (DbException)
                {
                    // Failed between the two reads: the counts stay 0; the next request tells.
                }

                // Reads work, but a write that failed (a full disk) could not be recorded anywhere
                // else. Unhealthy here, though not for the watchdog: a restart frees no disk.
                store = storeHealth.Problem ?? "ok";
            }

            var healthy = store == "ok" && report.Scheduler == "ok";
            return Results.Json(
                new
                {
                    status = healthy ? "ok" : "unhealthy", store, scheduler = report.Scheduler, feeds = new { total, failing },
                    // Served and polled as before, but the operator has to decide something.
                    subscriptions = subscriptions.Refusal is { } refusal ? "OPML not applied: " + refusal : "ok",
                },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
