using System.Diagnostics;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>
/// Renders the merged feed in every format when the store has changed, keeps the result in
/// memory for the HTTP endpoints (serving never touches the database), and writes the files
/// atomically when their content changed.
/// </summary>
public sealed class FeedPublisher(
    MergedFeedQuery query,
    FeedViewQuery views,
    IArticleStore articles,
    IEnumerable<IFeedWriter> writers,
    WebSubNotifier webSub,
    IOptions<PublishingOptions> options,
    ILogger<FeedPublisher> logger,
    PublishMetrics? metrics = null)
{
    private readonly SemaphoreSlim _renderLock = new(1, 1);
    private volatile PublishedSnapshot? _current;
    private MergedFeed? _currentFeed;

    // The rendering the files and the hubs were last given (the render lock guards it).
    private PublishedSnapshot? _written;

    /// <summary>The last rendering, or null before the first.</summary>
    public PublishedSnapshot? Current => _current;

    /// <summary>The base URL of the public links (always ends with a slash).</summary>
    public Uri BaseUrl => PublicBaseUrl(options.Value.BaseUrl);

    /// <summary>
    /// Re-renders if the store changed since the last rendering (or <paramref name="force"/>), then
    /// writes the files and notifies WebSub hubs of what changed since they were last written.
    /// <paramref name="writeOutputs"/> false only renders into memory: a node of a cluster keeps its
    /// own cache current, and the files and hub pings are one node's job at a time.
    /// </summary>
    public async Task<PublishedSnapshot> PublishAsync(CancellationToken cancellationToken, bool force = false, bool writeOutputs = true)
    {
        await _renderLock.WaitAsync(cancellationToken);
        try
        {
            var version = await articles.GetVersionAsync(cancellationToken);
            if (force || _current is not { } snapshot || snapshot.StoreVersion != version)
            {
                var started = Stopwatch.GetTimestamp();
                var feed = await query.GetAsync(BaseUrl, cancellationToken);
                feed = feed with { Navigation = await views.DefaultNavigationAsync(cancellationToken) };
                var lastModified = TruncateToSeconds(feed.Updated);
                var documents = writers.ToDictionary(
                    w => w.Document.FileName,
                    w => Render(w, feed, lastModified),
                    StringComparer.Ordinal);
                metrics?.Rendered("feeds", Stopwatch.GetElapsedTime(started));
                snapshot = new PublishedSnapshot(version, documents);
                (_current, _currentFeed) = (snapshot, feed);
            }

            if (writeOutputs && (force || !ReferenceEquals(_written, snapshot)))
            {
                var written = await WriteFilesAsync(snapshot, cancellationToken);
                await webSub.NotifyAsync(ChangedFeeds(_written, snapshot, written, _currentFeed!), cancellationToken);
                _written = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _renderLock.Release();
        }
    }

    private static PublishedDocument Render(IFeedWriter writer, MergedFeed feed, DateTimeOffset lastModified)
    {
        return PublishedDocument.Create(writer.Document, writer.Write(feed), lastModified);
    }

    // A feed changed when its file was rewritten, or (the files being unwritable) when its
    // content differs from the last rendering in memory.
    private static IEnumerable<string> ChangedFeeds(
        PublishedSnapshot? previous, PublishedSnapshot current, IReadOnlySet<string> written, MergedFeed feed)
    {
        foreach (var (document, link) in new[]
                 {
                     (FeedDocument.Atom, FeedLinks.Atom(feed)), (FeedDocument.Rss, FeedLinks.Rss(feed)), (FeedDocument.Json, FeedLinks.Json(feed)),
                 })
        {
            if (!current.Documents.TryGetValue(document.FileName, out var now))
            {
                continue;
            }

            var before = previous?.Documents.GetValueOrDefault(document.FileName);
            if (written.Contains(document.FileName) || (before is not null && before.ETag != now.ETag))
            {
                yield return link;
            }
        }
    }

    private async Task<IReadOnlySet<string>> WriteFilesAsync(PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var directory = options.Value.OutputDirectory;
        foreach (var document in snapshot.Documents.Values)
        {
            var path = Path.Combine(directory, document.Document.FileName);
            try
            {
                if (await AtomicFile.WriteIfChangedAsync(path, document.Content, cancellationToken)
                    && written.Add(document.Document.FileName))
                    logger.LogInformation("Publishing: wrote {PublishedFile} ({Bytes} bytes)", path, document.Content.Length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The HTTP endpoints still serve from memory; the operator sees why the file is stale.
                logger.LogError("Publishing: could not write {PublishedFile}: {Error}", path, ex.Message);
            }
        }

        return written;
    }

    internal static Uri PublicBaseUrl(string? configured)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? "http://localhost:5080/" : configured.Trim();
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
