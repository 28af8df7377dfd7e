using System.Net;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

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

    [Fact]
    public async Task The_server_listens_while_the_store_is_prepared_and_serves_once_it_is_ready()
    {
        var migration = new HeldMigrator();
        await using var app = RunCommand.Build([.. _folder.Args, "--urls=http://127.0.0.1:0"], migration.Replace);
        var schedulers = app.Services.GetRequiredService<ISchedulerFactory>();

        var starting = app.StartAsync();
        await migration.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(await ListeningAddressAsync(app)) };
        var request = http.GetAsync("/feed.atom");
        var health = http.GetAsync("/health");
        await Task.Delay(300);

        // Held at the gate; the host is not started and the scheduler not even created.
        Assert.False(request.IsCompleted);
        Assert.False(health.IsCompleted);
        Assert.False(starting.IsCompleted);
        Assert.Empty(await schedulers.GetAllSchedulers());

        migration.Release();
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(30));
        using var healthResponse = await health.WaitAsync(TimeSpan.FromSeconds(30));
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<feed", await response.Content.ReadAsStringAsync());
        // Answered as by a started service: the scheduler runs, so /health is not a start-up 503.
        Assert.True(healthResponse.StatusCode == HttpStatusCode.OK, await healthResponse.Content.ReadAsStringAsync());
        Assert.Equal(SchedulerStatus.Running, await (await schedulers.GetAllSchedulers()).Single().GetStatus());
        await app.StopAsync();
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_the_gate_allows_is_told_to_come_back()
    {
        var migration = new HeldMigrator();
        var clock = new FakeTimeProvider();
        await using var app = RunCommand.Build([.. _folder.Args, "--urls=http://127.0.0.1:0"], services =>
        {
            migration.Replace(services);
            services.AddSingleton<TimeProvider>(clock);
        });

        var starting = app.StartAsync();
        await migration.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(await ListeningAddressAsync(app)) };
        var request = http.GetAsync("/health");
        // The request's wait starts when it reaches the gate: move the clock until it gives up.
        for (var i = 0; i < 300 && !request.IsCompleted; i++)
        {
            clock.Advance(StartupGate.MaxWait);
            await Task.Delay(100);
        }

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(StartupGate.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.False(starting.IsCompleted);

        migration.Release();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/feed.atom")).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_failed_preparation_fails_the_start_and_the_scheduler_never_starts()
    {
        var migration = new HeldMigrator(new InvalidOperationException("schema from the future"));
        await using var app = RunCommand.Build([.. _folder.Args, "--urls=http://127.0.0.1:0"], migration.Replace);
        migration.Release();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Equal("schema from the future", error.Message);
        Assert.Empty(await app.Services.GetRequiredService<ISchedulerFactory>().GetAllSchedulers());
    }

    /// <summary>The server's bound address (port 0 is replaced by the real one once it listens).</summary>
    private static async Task<string> ListeningAddressAsync(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        for (var i = 0; i < 600; i++)
        {
            if (addresses.FirstOrDefault(a => !a.EndsWith(":0", StringComparison.Ordinal)) is { } bound)
                return bound;
            await Task.Delay(50);
        }

        throw new TimeoutException("the server did not listen while the store was being prepared");
    }

    /// <summary>The real migrator, held until released (then failing with <paramref name="failure"/> if given).</summary>
    private sealed class HeldMigrator(Exception? failure = null)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        private Exception? Failure => failure;

        public void Release() => _released.TrySetResult();

        public void Replace(IServiceCollection services) =>
            services.AddSingleton<IStoreMigrator>(sp => new Held(ActivatorUtilities.CreateInstance<SqliteMigrator>(sp), this));

        private sealed class Held(IStoreMigrator inner, HeldMigrator hold) : IStoreMigrator
        {
            public async Task MigrateAsync(CancellationToken cancellationToken)
            {
                hold._entered.TrySetResult();
                await hold._released.Task.WaitAsync(cancellationToken);
                if (hold.Failure is not null)
                    throw hold.Failure;
                await inner.MigrateAsync(cancellationToken);
            }
        }
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
