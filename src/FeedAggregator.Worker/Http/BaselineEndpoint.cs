namespace FeedAggregator.Worker.Http;

/// <summary>
/// For the load benchmark only: with <c>--Benchmark:StaticFile=PATH</c>, <c>/baseline</c> serves
/// that file's bytes, read once, through the same Kestrel and middleware as the feeds: the
/// ceiling a feed endpoint is measured against. Off unless configured.
/// </summary>
internal static class BaselineEndpoint
{
    public static IEndpointRouteBuilder MapBaselineEndpoint(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (configuration["Benchmark:StaticFile"] is not { Length: > 0 } path)
        {
            return app;
        }

        var content = File.ReadAllBytes(path);
        app.MapGet("/baseline", () => Results.Bytes(content, "application/atom+xml; charset=utf-8"));
        return app;
    }
}
