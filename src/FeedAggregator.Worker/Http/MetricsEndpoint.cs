using FeedAggregator.Refreshing;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// /metrics: the Prometheus text format, by OpenTelemetry's exporter. Before each scrape the
/// state gauges read the store once (asynchronously, outside the exporter's callbacks).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path == Path, scrape => scrape.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<FeedStateMetrics>().RefreshAsync(http.RequestAborted);
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
