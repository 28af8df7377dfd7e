using System.Collections.Concurrent;
using FeedAggregator.Fetching;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// The poll's own processing and storing stages (<see cref="FeedRefresher.ProcessAsync"/> then
/// <see cref="FeedRefresher.StoreAsync"/>), wired as the app wires them, on a fresh SQLite file
/// with <c>Feeds</c> subscriptions: a document goes in as the fetcher would hand it on.
/// </summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;

    private IngestHarness(ServiceProvider services, SqliteConnectionFactory connections, IReadOnlyList<Feed> feeds)
    {
        _services = services;
        Connections = connections;
        Feeds = feeds;
        Refresher = services.GetRequiredService<FeedRefresher>();
    }

    public SqliteConnectionFactory Connections { get; }
    public IReadOnlyList<Feed> Feeds { get; }
    public FeedRefresher Refresher { get; }

    public static async Task<IngestHarness> CreateAsync(string path, int feeds)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        var connections = new SqliteConnectionFactory(path);
        await new SqliteMigrator(connections, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var feedStore = new SqliteFeedStore(connections);
        await feedStore.SyncSubscriptionsAsync(
            [.. Enumerable.Range(0, feeds).Select(f => new Subscription($"https://site{f}.example/feed"))], Now, CancellationToken.None);
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(connections)
            .AddSingleton<IFeedStore>(feedStore)
            .AddSingleton<IArticleStore>(new SqliteArticleStore(connections))
            .AddPollingPipeline()
            .BuildServiceProvider();
        var list = (await feedStore.ListAsync(CancellationToken.None)).OrderBy(f => f.Id).ToList();
        return new IngestHarness(services, connections, list);
    }

    /// <summary>The processing stage: parse, look up the document's keys, process what is new or changed.</summary>
    public Task<FeedWrite> ProcessAsync(Feed feed, byte[] document) =>
        Refresher.ProcessAsync(AsFetched(feed, document), CancellationToken.None);

    /// <summary>
    /// The documents through the poll's own pipeline, as a poll cycle runs it once they are
    /// fetched: one processing worker per core, the one writer storing what waits in one
    /// transaction; returns the articles added.
    /// </summary>
    public async Task<int> PipelineAsync(IEnumerable<(Feed Feed, byte[] Document)> documents)
    {
        var results = new ConcurrentBag<RefreshResult>();
        await using (var pipeline = new PollPipeline(
            Refresher, new PollingOptions().QueueCapacity, results, NullLogger.Instance, TimeProvider.System, TimeSpan.FromMinutes(30), CancellationToken.None))
        {
            foreach (var (feed, document) in documents)
                await pipeline.EnqueueAsync(AsFetched(feed, document), CancellationToken.None);
            await pipeline.CompleteAsync();
        }

        return results.Sum(r => r.Added);
    }

    /// <summary>The storing stage: one transaction for the document's articles and the feed's poll state.</summary>
    public Task<RefreshResult> StoreAsync(FeedWrite write) => Refresher.StoreAsync(write, CancellationToken.None);

    public async Task<int> IngestAsync(Feed feed, byte[] document) => (await StoreAsync(await ProcessAsync(feed, document))).Added;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static FetchedFeed AsFetched(Feed feed, byte[] document) => new(feed, feed, Fetched(feed, document), Now, "bench");

    private static FetchResult Fetched(Feed feed, byte[] document) => new()
    {
        Outcome = FetchOutcome.Content,
        StatusCode = 200,
        Body = document,
        ContentType = "application/rss+xml",
        FinalUrl = new Uri(feed.Url),
    };
}
