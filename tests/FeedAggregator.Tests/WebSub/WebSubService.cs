using System.Net;
using System.Net.Sockets;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using FeedAggregator.WebSub;
using FeedAggregator.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.WebSub;

/// <summary>
/// The real service (RunCommand.Build: Kestrel, endpoints, Quartz, the store) on a free local
/// port that is also its Publishing:BaseUrl, subscribed to a <see cref="LocalHub"/>'s feed, on a
/// fake clock. The recurring jobs run once at start and then not for a day: the test drives the
/// poll and the subscription keeper itself.
/// </summary>
internal sealed class WebSubService : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "feedagg-websub", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public FakeTimeProvider Time { get; } = new(Start);
    public CapturingLoggerProvider Logs { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string OpmlPath => Path.Combine(_dir, "feeds.opml");

    /// <summary>The settings a CLI verb needs to work on this service's store.</summary>
    public IReadOnlyList<string> CliSettings =>
    [
        $"--Storage:Database={Path.Combine(_dir, "feeds.db")}", $"--Feeds:File={OpmlPath}",
        $"--Seeds:Directory={Path.Combine(_dir, "seeds")}", $"--Publishing:OutputDirectory={Path.Combine(_dir, "public")}",
    ];

    /// <param name="settings">More --Section:Key=value arguments.</param>
    /// <param name="explicitBaseUrl">False: Publishing:BaseUrl is left to its default (WebSub is then off).</param>
    public static async Task<WebSubService> StartAsync(LocalHub hub, bool explicitBaseUrl = true, params string[] settings)
    {
        var service = new WebSubService();
        Directory.CreateDirectory(Path.Combine(service._dir, "seeds"));
        OpmlFile.Write(service.OpmlPath, [new Subscription(hub.Topic.AbsoluteUri, "Pushed blog")]);
        var address = $"http://127.0.0.1:{FreePort()}";
        string[] args =
        [
            $"--urls={address}",
            $"--Storage:Database={Path.Combine(service._dir, "feeds.db")}",
            $"--Feeds:File={service.OpmlPath}",
            $"--Seeds:Directory={Path.Combine(service._dir, "seeds")}",
            $"--Publishing:OutputDirectory={Path.Combine(service._dir, "public")}",
            "--Polling:CheckEvery=1.00:00:00",
            // The host's gap outlives a pass (it is kept in the store) and waits on the fake clock.
            "--Polling:MinHostGap=00:00:00",
            "--Logging:LogLevel:Default=Information",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:Console:LogLevel:Default=None",
            .. explicitBaseUrl ? [$"--Publishing:BaseUrl={address}/"] : Array.Empty<string>(),
            .. settings,
        ];
        service._app = RunCommand.Build(args, services =>
        {
            services.AddSingleton<TimeProvider>(service.Time);
            services.AddSingleton<ILoggerProvider>(service.Logs);
        });
        await service._app.StartAsync();
        service.BaseAddress = new Uri(address + "/");
        service.Http = new HttpClient { BaseAddress = service.BaseAddress };
        return service;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public Task<PollCycleSummary> PollAsync() => Get<PollCycle>().RunAsync(force: true, None);

    public Task MaintainAsync() => Get<WebSubSubscriber>().MaintainAsync(None);

    public async Task<Feed> FeedAsync() =>
        (await Get<IFeedStore>().ListAsync(None)).Concat(await Get<IFeedStore>().ListRemovedAsync(None)).Single();

    public async Task<IReadOnlyList<HubSubscription>> SubscriptionsAsync() => await Get<IWebSubStore>().ListAsync(None);

    public async Task<IReadOnlyList<string>> StoredTitlesAsync() =>
        [.. (await Get<IArticleStore>().QueryAsync(ArticleFilter.None, 0, 100, None)).Items.Select(i => i.Article.Title).Order()];

    /// <summary>Waits (up to 30 s) until <paramref name="condition"/> holds: for work the service does on its own, such as publishing.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("never happened: " + what);
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
