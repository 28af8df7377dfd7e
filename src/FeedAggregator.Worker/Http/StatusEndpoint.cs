using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// /status: every feed's health for the operator. Unlike the feeds it reads the store on each
/// request (two small queries): it is a page for people, and poll state is not in the store version.
/// </summary>
internal static class StatusEndpoint
{
    public static IEndpointRouteBuilder MapStatusEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/status", [HttpMethods.Get, HttpMethods.Head], async (
            IFeedStore feeds, IArticleStore articles, IOptions<PublishingOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var all = await feeds.ListAsync(cancellationToken);
            var counts = await articles.CountByFeedAsync(cancellationToken);
            var page = StatusPageWriter.Write(options.Value.Title, all, counts, time.GetUtcNow());
            return Results.Bytes(page, FeedDocument.Html.MediaType);
        });
        return app;
    }
}
