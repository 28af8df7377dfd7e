using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

/// <summary>
/// A real SQLite store with one feed and one article, and the publishing stage over it as the host
/// wires it: a publisher writing under the store's folder, a WebSub hub whose pings are recorded,
/// the logs and the render metrics.
/// </summary>
internal sealed class PublisherFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    public const string BaseUrl = "http://feeds.example.test/";

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private PublisherFixture(TempDatabase db, Feed feed)
    {
        Db = db;
        Feed = feed;
        Loggers = new LoggerFactory([Logs]);
    }

    public TempDatabase Db { get; }
    public Feed Feed { get; }
    public FakeTimeProvider Time { get; } = new(Now);
    public CapturingLoggerProvider Logs { get; } = new();
    public RecordingHttpClients HubClients { get; } = new();
    public string Output => Path.Combine(Db.Directory, "public");
    public ILoggerFactory Loggers { get; }
    public PublishMetrics Metrics => new(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public static IFeedWriter[] AllWriters => [new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter(), new HtmlPageWriter()];

    public static async Task<PublisherFixture> CreateAsync()
    {
        var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed", "A", "News")], Now, CancellationToken.None);
        var fixture = new PublisherFixture(db, (await db.Feeds.ListAsync(CancellationToken.None)).Single());
        await fixture.AddArticleAsync("first");
        return fixture;
    }

    public Task AddArticleAsync(string key) =>
        Db.Articles.SaveAsync(Feed, [new Article { Key = key, Title = key, ContentHash = key, Url = $"https://a.example/{key}" }], Now, CancellationToken.None);

    public IOptions<PublishingOptions> Options(string? output = null) =>
        Microsoft.Extensions.Options.Options.Create(new PublishingOptions { OutputDirectory = output ?? Output, BaseUrl = BaseUrl, WebSubHub = "https://hub.example/publish" });

    public FeedPublisher Publisher(string? output = null, IEnumerable<IFeedWriter>? writers = null)
    {
        var options = Options(output);
        return new FeedPublisher(
            new MergedFeedQuery(Db.Articles, options, Time),
            new FeedViewQuery(Db.Articles, options, Time),
            Db.Articles,
            writers ?? AllWriters,
            new WebSubNotifier(HubClients, options, Loggers.CreateLogger<WebSubNotifier>()),
            options,
            Loggers.CreateLogger<FeedPublisher>(),
            Metrics);
    }

    /// <summary>The render durations recorded from now on, tagged with what was rendered.</summary>
    public MetricCollector<double> Renderings() => Measured.Collect<double>(_meters, "feedagg.publish.render.duration");

    public async ValueTask DisposeAsync()
    {
        Loggers.Dispose();
        await _meters.DisposeAsync();
        await Db.DisposeAsync();
    }
}
