using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using Quartz;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// /health: 200 when the store answers and the scheduler runs, else 503. Failing feeds are
/// counted but never make the service unhealthy: they are the internet's state, not ours.
/// </summary>
internal static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IFeedStore feeds, ISchedulerFactory schedulers, SubscriptionSync subscriptions, CancellationToken cancellationToken) =>
        {
            string store;
            int total = 0, failing = 0;
            try
            {
                var all = await feeds.ListAsync(cancellationToken);
                total = all.Count;
                failing = all.Count(f => f.Status is FeedStatus.Error or FeedStatus.Gone);
                store = "ok";
            }
            catch (System.Data.Common.DbException ex)
            {
                store = "error: " + ex.Message;
            }

            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            var schedulerState = status == SchedulerStatus.Running ? "ok" : status.ToString().ToLowerInvariant();
            var healthy = store == "ok" && schedulerState == "ok";
            return Results.Json(
                new
                {
                    status = healthy ? "ok" : "unhealthy", store, scheduler = schedulerState, feeds = new { total, failing },
                    // Served and polled as before, but the operator has to decide something.
                    subscriptions = subscriptions.Refusal is { } refusal ? "OPML not applied: " + refusal : "ok",
                },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
