using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// The merged feed over HTTP, from memory: the whole feed from the publisher's rendering, each
/// filtered or paged view from the view cache (rendered once per store change). Strong
/// validators, 304, HEAD, and bytes compressed once per rendering.
/// </summary>
internal static class FeedEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", GetOrHead, (HttpContext http) => ServeAsync(http, FeedDocument.Html, null));
        app.MapMethods("/index.html", GetOrHead, (HttpContext http) => ServeAsync(http, FeedDocument.Html, null));
        foreach (var document in new[] { FeedDocument.Atom, FeedDocument.Rss, FeedDocument.Json })
        {
            app.MapMethods("/" + document.FileName, GetOrHead, (HttpContext http) => ServeAsync(http, document, null));
            // One feed per category: the articles of ?category=NAME, its links under its own path.
            app.MapMethods("/category/{name}/" + document.FileName, GetOrHead, (HttpContext http, string name) => ServeAsync(http, document, name));
        }

        return app;
    }

    private static async Task ServeAsync(HttpContext http, FeedDocument document, string? category)
    {
        var services = http.RequestServices;
        var publishing = services.GetRequiredService<IOptions<PublishingOptions>>().Value;
        if (!FeedViewParser.TryParse(http.Request.Query, publishing.ItemCount, category, out var view, out var error))
        {
            await Results.Problem(error, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        var published = await services.GetRequiredService<FeedViewCache>().GetAsync(view, document, http.RequestAborted);
        if (published is null)
        {
            await Results.Problem("The merged feed is not rendered yet; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(http);
            return;
        }

        await DocumentResponder.RespondAsync(http, published, CacheControl(services));
    }

    // The output can change after every poll run, so caches keep it no longer than that.
    private static string CacheControl(IServiceProvider services)
    {
        var every = services.GetRequiredService<IOptions<PollingOptions>>().Value.CheckEvery;
        return "public, max-age=" + ((long)every.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
