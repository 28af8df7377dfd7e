namespace FeedAggregator.Worker.Http;

/// <summary>
/// For the load benchmark only: with <c>--Benchmark:StaticFile=PATH</c>, <c>/baseline</c> serves
/// that file's bytes, read once on first request, through the same Kestrel and middleware as the feeds: the
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

        // Read on first use, so the benchmark can write the file after the service started.
        var content = new Lazy<byte[]>(() => File.ReadAllBytes(path));
        app.MapGet("/baseline", () => Results.Bytes(content.Value, "application/atom+xml; charset=utf-8"));
        return app;
    }
}
