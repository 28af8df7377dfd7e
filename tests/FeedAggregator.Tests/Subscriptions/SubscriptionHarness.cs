using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Subscriptions;

/// <summary>
/// A migrated temp database with an OPML file beside it, and the sync and the list over both as
/// the host wires them; what the sync logs is kept in <see cref="Logs"/>.
/// </summary>
internal sealed class SubscriptionHarness : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private SubscriptionHarness(TempDatabase db, SubscriptionsOptions options)
    {
        Db = db;
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var file = Options.Create(new FeedsOptions { File = Opml });
        Sync = new SubscriptionSync(
            db.Feeds, file, Options.Create(options),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)), _loggers.CreateLogger<SubscriptionSync>());
        List = new SubscriptionList(Sync, file);
    }

    public TempDatabase Db { get; }
    public string Opml => Path.Combine(Db.Directory, "feeds.opml");
    public CapturingLoggerProvider Logs { get; } = new();
    public SubscriptionSync Sync { get; }
    public SubscriptionList List { get; }

    /// <summary>The sync's log entries (Warning and above unless <paramref name="level"/> says otherwise).</summary>
    public IReadOnlyList<CapturedLog> SyncLogs(LogLevel level = LogLevel.Warning) =>
        [.. Logs.Entries.Where(e => e.Category == typeof(SubscriptionSync).FullName && e.Level >= level)];

    public static async Task<SubscriptionHarness> CreateAsync(SubscriptionsOptions? options = null) =>
        new(await TempDatabase.CreateAsync(), options ?? new SubscriptionsOptions());

    public void WriteOpml(params Subscription[] subscriptions) => OpmlFile.Write(Opml, subscriptions);

    public IReadOnlyList<Subscription> ReadOpml() => OpmlFile.Read(Opml);

    /// <summary>The URLs of the subscribed feeds in the store, in order.</summary>
    public async Task<IReadOnlyList<string>> StoredUrlsAsync() =>
        [.. (await Db.Feeds.ListAsync(CancellationToken.None)).Select(f => f.Url).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        _loggers.Dispose();
        await Db.DisposeAsync();
    }
}
