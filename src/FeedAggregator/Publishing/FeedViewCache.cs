using System.Diagnostics;
using FeedAggregator.Publishing.Writers;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>
/// Filtered and paged views, rendered on first request and kept until the store changes: a view
/// asked for again is served from memory, without a query. The store version comes from the
/// publisher's last rendering, so checking freshness never touches the database either.
/// </summary>
public sealed class FeedViewCache(
    FeedViewQuery query, FeedPublisher publisher, IEnumerable<IFeedWriter> writers, IOptions<PublishingOptions> options,
    PublishMetrics? metrics = null)
{
    private readonly LruCache<(long Version, PublishedDocument Document)> _cache = new(
        options.Value.ViewCacheSize, options.Value.ViewCacheBytes, v => v.Document.Weight);

    /// <summary>The view rendered as <paramref name="document"/>; null before the first publication.</summary>
    public async Task<PublishedDocument?> GetAsync(FeedView view, FeedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (publisher.Current is not { } snapshot)
        {
            return null;
        }

        if (view.IsDefault)
        {
            return snapshot.Documents.GetValueOrDefault(document.FileName);
        }

        var key = view.Path + document.FileName + view.Key;
        if (_cache.TryGet(key, out var cached) && cached.Version == snapshot.StoreVersion)
        {
            return cached.Document;
        }

        // Two first requests for one view may both render it; the result is the same either way.
        var started = Stopwatch.GetTimestamp();
        var feed = await query.GetAsync(view, publisher.BaseUrl, cancellationToken);
        var writer = writers.First(w => w.Document == document);
        var rendered = PublishedDocument.Create(document, writer.Write(feed), DateTimeOffset.FromUnixTimeSeconds(feed.Updated.ToUnixTimeSeconds()));
        metrics?.Rendered("view", Stopwatch.GetElapsedTime(started));
        _cache.Set(key, (snapshot.StoreVersion, rendered));
        return rendered;
    }
}
