using FeedAggregator.Publishing;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// The merged feed over HTTP, from the publisher's in-memory rendering: no database work per
/// request, with strong validators so readers get a 304 when nothing changed.
/// </summary>
internal static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, FeedPublisher publisher) => Serve(http, publisher, FeedDocument.Html));
        app.MapMethods("/index.html", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, FeedPublisher publisher) => Serve(http, publisher, FeedDocument.Html));
        foreach (var document in new[] { FeedDocument.Atom, FeedDocument.Rss, FeedDocument.Json })
            app.MapMethods("/" + document.FileName, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, FeedPublisher publisher) => Serve(http, publisher, document));
        return app;
    }

    private static IResult Serve(HttpContext http, FeedPublisher publisher, FeedDocument document)
    {
        if (publisher.Current?.Documents.GetValueOrDefault(document.FileName) is not { } published)
            return Results.Problem("The merged feed is not rendered yet; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);

        var response = http.Response.GetTypedHeaders();
        response.ETag = EntityTagHeaderValue.Parse(published.ETag);
        response.LastModified = published.LastModified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(1) };
        http.Response.Headers.Vary = "Accept-Encoding";

        if (IsNotModified(http.Request.GetTypedHeaders(), published))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(published.Content, published.Document.MediaType);
    }

    private static bool IsNotModified(RequestHeaders request, PublishedDocument published)
    {
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            var current = EntityTagHeaderValue.Parse(published.ETag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && published.LastModified <= since;
    }
}
