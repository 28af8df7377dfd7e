using FeedAggregator.Publishing;

namespace FeedAggregator.Worker.Http;

/// <summary>/status: every feed's health for the operator, re-rendered only when a feed or an article changed.</summary>
internal static class StatusEndpoint
{
    public static IEndpointRouteBuilder MapStatusEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/status", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, StatusPage status) =>
        {
            var page = await status.GetAsync(http.RequestAborted);
            // A page for people that changes with every poll: the browser asks again, and gets a 304 while nothing changed.
            await DocumentResponder.RespondAsync(http, page, "no-cache");
        });
        return app;
    }
}
