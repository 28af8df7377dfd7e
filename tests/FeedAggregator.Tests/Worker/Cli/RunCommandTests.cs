using System.Net;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// <c>feedagg run</c>'s web application as RunCommand.Build makes it: which endpoints a serving
/// node and a poll-only node (Roles=poll) answer, compression, and the services a caller replaces.
/// </summary>
/// <remarks>In the console collection: the service logs to the console, which those tests capture.</remarks>
[Collection(ConsoleCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public RunCommandTests() => _folder.WriteOpml();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_serving_node_answers_the_feeds_status_health_metrics_websub_and_the_baseline()
    {
        var baseline = _folder.PathOf("baseline.atom");
        File.WriteAllText(baseline, "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        await using var app = await StartAsync($"--Benchmark:StaticFile={baseline}");
        var http = app.Http;

        foreach (var path in new[] { "/health", "/metrics", "/status", "/feed.atom", "/", "/baseline" })
            Assert.True((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        // The callback is mapped for GET and POST: another method is refused, not unknown.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PutAsync("/websub/callback/1/token", null)).StatusCode);
    }

    [Fact]
    public async Task A_poll_only_node_answers_health_metrics_and_websub_and_nothing_else()
    {
        await using var app = await StartAsync("--Roles=poll");
        var http = app.Http;

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PutAsync("/websub/callback/1/token", null)).StatusCode);
        foreach (var path in new[] { "/status", "/feed.atom", "/" })
            Assert.True((await http.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task A_response_made_per_request_is_compressed_for_a_client_that_accepts_it()
    {
        await using var app = await StartAsync();
        var http = app.Http;
        // /health's JSON (the feeds and the status page are stored compressed and served as they are).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Accept-Encoding", "gzip" } } };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_caller_replaces_services_before_the_application_is_built()
    {
        var clock = new FakeTimeProvider();

        await using var app = RunCommand.Build(_folder.Args, services => services.AddSingleton<TimeProvider>(clock));

        Assert.Same(clock, app.Services.GetRequiredService<TimeProvider>());
    }

    private async Task<Running> StartAsync(params string[] settings)
    {
        var app = RunCommand.Build([.. _folder.Args, "--urls=http://127.0.0.1:0", .. settings]);
        await app.StartAsync();
        return new Running(app);
    }

    /// <summary>The started service on a free loopback port, and a client for it; stopped, then disposed.</summary>
    private sealed class Running(WebApplication app) : IAsyncDisposable
    {
        public HttpClient Http { get; } = new()
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
