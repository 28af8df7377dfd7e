using FeedAggregator.Fetching;
using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using FeedAggregator.WebSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The poll cycle as the app wires it, on a real SQLite file and a real OPML file, with a fake
/// clock. MinHostGap is 0 unless a test sets it: waiting is tested on <see cref="HostGate"/>.
/// </summary>
internal sealed class PollHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;

    private PollHarness(
        TempDatabase db, FakeTimeProvider time, Action<PollingOptions>? configure, Action<ParsingOptions>? parsing,
        Func<IArticleStore, IArticleStore>? articles, Action<WebSubOptions>? webSub)
    {
        Db = db;
        Time = time;
        OpmlPath = Path.Combine(db.Directory, "feeds.opml");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.Configure<PollingOptions>(o =>
        {
            o.MinHostGap = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        services.Configure<FeedsOptions>(o => o.File = OpmlPath);
        services.Configure<ParsingOptions>(o => parsing?.Invoke(o));
        services.Configure<WebSubOptions>(o => webSub?.Invoke(o));
        services.AddSingleton<IFeedStore>(db.Feeds);
        services.AddSingleton(articles?.Invoke(db.Articles) ?? db.Articles);
        services.AddSingleton<IPollLeases>(db.Leases);
        services.AddPollingPipeline();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public TempDatabase Db { get; }
    public string OpmlPath { get; }
    public FakeTimeProvider Time { get; }
    public CapturingLoggerProvider Logs { get; } = new();
    public PollCycle Cycle => _services.GetRequiredService<PollCycle>();
    public IServiceProvider Services => _services;
    public SubscriptionSync Sync => _services.GetRequiredService<SubscriptionSync>();

    /// <param name="articles">Wraps the article store (to count or hold its calls).</param>
    /// <param name="webSub">WebSub settings; it is off unless a callback base is given.</param>
    public static async Task<PollHarness> CreateAsync(
        IEnumerable<Uri> feeds, Action<PollingOptions>? configure = null, Action<ParsingOptions>? parsing = null,
        Func<IArticleStore, IArticleStore>? articles = null, Action<WebSubOptions>? webSub = null)
    {
        var time = new FakeTimeProvider(Start);
        var harness = new PollHarness(await TempDatabase.CreateAsync(time: time), time, configure, parsing, articles, webSub);
        harness.WriteOpml(feeds.Select(u => new Subscription(u.AbsoluteUri)));
        await harness.Sync.SyncAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>
    /// A harness on a new, empty file (not migrated, nothing synced), as a process starting on a
    /// fresh store finds it: call <see cref="PrepareAsync"/> first, as a process would.
    /// </summary>
    public static async Task<PollHarness> CreateOnFreshFileAsync(IEnumerable<Uri> feeds, Action<PollingOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var harness = new PollHarness(await TempDatabase.CreateAsync(migrate: false, time: time), time, configure, null, null, null);
        harness.WriteOpml(feeds.Select(u => new Subscription(u.AbsoluteUri)));
        return harness;
    }

    /// <summary>What a process does before it polls: migrate the store, then sync the OPML file into it.</summary>
    public async Task PrepareAsync()
    {
        await Db.MigrateAsync();
        await Sync.SyncAsync(CancellationToken.None);
    }

    /// <summary>
    /// A second poller on the same store and clock, as another process would be: its own
    /// connections, writer and lease name.
    /// </summary>
    public PollHarness OtherProcess(Action<PollingOptions>? configure = null) => new(Db.OtherProcess(Time), Time, configure, null, null, null);

    public void WriteOpml(IEnumerable<Subscription> subscriptions) => OpmlFile.Write(OpmlPath, [.. subscriptions]);

    public Task<PollCycleSummary> PollAsync(bool force = false, bool spreadOverdue = false) =>
        Cycle.RunAsync(force, CancellationToken.None, spreadOverdue);

    /// <summary>A poll cycle wired as the app wires it, but on <paramref name="leases"/> (to record or refuse their calls).</summary>
    public PollCycle CycleWith(IPollLeases leases) => new(
        leases, Db.Feeds, _services.GetRequiredService<FeedRefresher>(), _services.GetRequiredService<PollSchedule>(),
        _services.GetRequiredService<PollerIdentity>(), _services.GetRequiredService<IOptions<PollingOptions>>(), Time,
        _services.GetRequiredService<ILogger<PollCycle>>(), _services.GetRequiredService<PollMetrics>());

    public async Task<Feed> FeedAsync(string url) => (await Db.Feeds.ListAsync(CancellationToken.None)).Single(f => f.Url == url);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Db.DisposeAsync();
    }
}
