using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Worker;

/// <summary>
/// The tests that read the service's /metrics: run alone. OpenTelemetry's meter provider listens
/// to every meter of the process with the service's meter name, so another test's host, started or
/// disposed meanwhile, adds to these counts or ends their streams (seen as a missing series).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process metrics";
}

/// <summary>The service's /metrics in the Prometheus text format, and Logging:Format.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "feedagg-metrics", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "feeds.opml"), """<opml version="2.0"><body><outline text="A" xmlUrl="http://127.0.0.1:9/feed"/></body></opml>""");
        _app = RunCommand.Build(Args());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format_with_the_state_and_the_requests()
    {
        Assert.Equal(200, (int)(await _http.GetAsync("/feed.atom")).StatusCode);
        Assert.Equal(200, (int)(await _http.GetAsync("/feed.json?limit=3")).StatusCode);
        Assert.Equal(200, (int)(await _http.GetAsync("/status")).StatusCode);
        const string atomRequest = """http_server_request_duration_seconds_count\{[^}]*http_response_status_code="200"[^}]*http_route="/feed.atom"[^}]*\} 1""";
        // ASP.NET Core records a request's duration as the request ends, which may be just after
        // the client has read the response: scrape again (briefly) until it is in.
        HttpResponseMessage response;
        string text;
        for (var attempt = 1; ; attempt++)
        {
            response = await _http.GetAsync("/metrics");
            text = await response.Content.ReadAsStringAsync();
            if (System.Text.RegularExpressions.Regex.IsMatch(text, atomRequest) || attempt == 50)
                break;
            await Task.Delay(100);
        }

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE feedagg_feeds gauge", text);
        Assert.Matches("""feedagg_store_up\{[^}]*\} 1""", text);
        Assert.Matches("""feedagg_feeds\{[^}]*status="(new|failing)"[^}]*\} 1""", text); // polled yet or not: port 9 refuses
        Assert.Matches("""feedagg_store_articles\{[^}]*\} 1""", text); // the seed
        Assert.Matches("""feedagg_publish_render_duration_seconds_count\{[^}]*what="feeds"[^}]*\} [1-9]""", text);
        Assert.Matches("""feedagg_publish_render_duration_seconds_count\{[^}]*what="view"[^}]*\} 1""", text);
        Assert.Matches("""feedagg_publish_render_duration_seconds_count\{[^}]*what="status"[^}]*\} [1-9]""", text);
        Assert.Matches(atomRequest, text);
    }

    [Fact]
    public void Logging_format_json_picks_the_json_console_formatter_and_anything_else_is_refused()
    {
        using var json = FeedAggHost.CreateBuilder([.. Args(), "--Logging:Format=json"]).Build();
        Assert.Equal(ConsoleFormatterNames.Json, json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        using var text = FeedAggHost.CreateBuilder(Args()).Build();
        Assert.Equal(ConsoleFormatterNames.Simple, text.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);

        var bad = Assert.Throws<InvalidOperationException>(() => FeedAggHost.CreateBuilder([.. Args(), "--Logging:Format=xml"]));
        Assert.Contains("Logging:Format", bad.Message, StringComparison.Ordinal);
    }

    private string[] Args() =>
    [
        "--urls", "http://127.0.0.1:0",
        $"--Storage:Database={Path.Combine(_dir, "db.sqlite")}",
        $"--Feeds:File={Path.Combine(_dir, "feeds.opml")}",
        $"--Publishing:OutputDirectory={Path.Combine(_dir, "public")}",
        "--Polling:CheckEvery=01:00:00",
    ];
}
