using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, for tests that need real HTTP. Map routes
/// with a lambda; every request it receives is recorded with its headers, in arrival order.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LocalHttpServer(WebApplication app) => _app = app;

    /// <summary>"http://127.0.0.1:PORT/", known once the server has started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every address served: 127.0.0.1, then 127.0.0.2 and on when more loopback hosts were asked for.</summary>
    public IReadOnlyList<Uri> BaseAddresses { get; private set; } = [];

    /// <summary>A snapshot of the requests received so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>An absolute URL on this server, e.g. <c>Url("/feed.xml")</c>.</summary>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>An absolute URL on loopback host <paramref name="host"/> (0 is 127.0.0.1), for tests of per-host politeness.</summary>
    public Uri Url(int host, string pathAndQuery) => new(BaseAddresses[host], pathAndQuery);

    /// <summary>The requests received for one path, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    /// <param name="loopbackHosts">How many hosts to serve on: 127.0.0.1, 127.0.0.2 and on (Linux routes all of 127/8 to loopback).</param>
    public static async Task<LocalHttpServer> StartAsync(Action<IEndpointRouteBuilder> mapRoutes, CancellationToken cancellationToken = default, int loopbackHosts = 1)
    {
        ArgumentNullException.ThrowIfNull(mapRoutes);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders(); // handlers that abort on purpose would fill the test output
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            server.Record(context.Request);
            await next(context);
        });
        mapRoutes(app);
        for (var host = 1; host <= loopbackHosts; host++)
            app.Urls.Add($"http://127.0.0.{host}:0");
        await app.StartAsync(cancellationToken);

        // After start, Urls holds the bound addresses with the ports Kestrel picked.
        server.BaseAddresses = [.. app.Urls.Select(url => new Uri(url.TrimEnd('/') + "/")).OrderBy(url => int.Parse(url.Host[(url.Host.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture))];
        server.BaseAddress = server.BaseAddresses[0];
        return server;
    }

    /// <summary>A server with a single GET route.</summary>
    public static Task<LocalHttpServer> StartAsync(string path, RequestDelegate handler, CancellationToken cancellationToken = default) =>
        StartAsync(routes => routes.MapGet(path, handler), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // A handler still trickling a body must not hold the test run: abort what is left after 5 s.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private void Record(HttpRequest request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers));
    }
}
