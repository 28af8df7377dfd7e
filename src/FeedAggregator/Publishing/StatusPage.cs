using FeedAggregator.Model;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>
/// The /status page, rendered once per change of the feeds or articles and served from memory
/// with validators, like the feeds: a busy status page costs one small read per request.
/// </summary>
public sealed class StatusPage(
    IFeedStore feeds, IArticleStore articles, IOptions<PublishingOptions> options, TimeProvider time, IWebSubStore? webSub = null)
{
    private readonly SemaphoreSlim _renderLock = new(1, 1);
    private volatile Rendered? _current;

    public async Task<PublishedDocument> GetAsync(CancellationToken cancellationToken)
    {
        var version = await feeds.GetStateVersionAsync(cancellationToken);
        if (_current is { } current && current.Version == version)
            return current.Page;

        await _renderLock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } rendered && rendered.Version == version)
                return rendered.Page;
            var now = time.GetUtcNow();
            var all = await feeds.ListAsync(cancellationToken);
            var counts = await articles.CountByFeedAsync(cancellationToken);
            var push = webSub is null ? null : HubSubscriptions.ByFeed(await webSub.ListAsync(cancellationToken));
            var page = PublishedDocument.Create(
                FeedDocument.Html, StatusPageWriter.Write(options.Value.Title, all, counts, now, push), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
            _current = new Rendered(version, page);
            return page;
        }
        finally
        {
            _renderLock.Release();
        }
    }

    private sealed record Rendered(long Version, PublishedDocument Page);
}
