using System.Diagnostics;
using FeedAggregator.Model;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>
/// The /status page, rendered once per change of the feeds or articles (and once an hour, for
/// its chart, and after each poll cycle) and served from memory with validators, like the feeds:
/// a busy status page costs one small read per request.
/// </summary>
public sealed class StatusPage(
    IFeedStore feeds,
    IArticleStore articles,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    IWebSubStore? webSub = null,
    PollCycle? cycles = null,
    PublishMetrics? metrics = null)
{
    private readonly SemaphoreSlim _renderLock = new(1, 1);
    private volatile Rendered? _current;

    public async Task<PublishedDocument> GetAsync(CancellationToken cancellationToken)
    {
        var key = new RenderKey(await feeds.GetStateVersionAsync(cancellationToken), ActivityChart.HourOf(time.GetUtcNow()), cycles?.Last);
        if (_current is { } current && current.Key == key)
            return current.Page;

        await _renderLock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } rendered && rendered.Key == key)
                return rendered.Page;
            var started = Stopwatch.GetTimestamp();
            var now = time.GetUtcNow();
            var all = await feeds.ListAsync(cancellationToken);
            var counts = await articles.CountByFeedAsync(cancellationToken);
            var newByHour = await articles.CountNewByHourAsync(ActivityChart.FirstHour(now), cancellationToken);
            var push = webSub is null ? null : HubSubscriptions.ByFeed(await webSub.ListAsync(cancellationToken));
            var page = PublishedDocument.Create(
                FeedDocument.Html,
                StatusPageWriter.Write(options.Value.Title, all, counts, now, new StatusActivity(newByHour, key.LastCycle), push),
                DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
            _current = new Rendered(key, page);
            metrics?.Rendered("status", Stopwatch.GetElapsedTime(started));
            return page;
        }
        finally
        {
            _renderLock.Release();
        }
    }

    private sealed record RenderKey(long Version, DateTimeOffset Hour, FinishedPollCycle? LastCycle);

    private sealed record Rendered(RenderKey Key, PublishedDocument Page);
}
