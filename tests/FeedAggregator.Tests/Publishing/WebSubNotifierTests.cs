using System.Net;
using FeedAggregator.Publishing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Publishing;

public sealed class WebSubNotifierTests
{
    private static WebSubNotifier Notifier(string? hub) => new(
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
        Options.Create(new PublishingOptions { WebSubHub = hub }),
        NullLogger<WebSubNotifier>.Instance);

    [Fact]
    public async Task Each_changed_feed_is_pinged_at_the_hub_as_a_publish_form_post()
    {
        var bodies = new List<string>();
        await using var hub = await LocalHttpServer.StartAsync(routes => routes.MapPost("/hub", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies) bodies.Add(body);
            return Results.NoContent();
        }));

        await Notifier(hub.Url("/hub").AbsoluteUri).NotifyAsync(["http://localhost:5080/feed.atom", "http://localhost:5080/feed.json"], CancellationToken.None);

        Assert.Equal(2, hub.RequestsTo("/hub").Count);
        Assert.StartsWith("application/x-www-form-urlencoded", hub.RequestsTo("/hub")[0].Header("Content-Type"));
        Assert.Equal(["hub.mode=publish&hub.url=http%3A%2F%2Flocalhost%3A5080%2Ffeed.atom", "hub.mode=publish&hub.url=http%3A%2F%2Flocalhost%3A5080%2Ffeed.json"], bodies);
    }

    [Fact]
    public async Task A_failing_hub_is_logged_never_thrown()
    {
        await using var hub = await LocalHttpServer.StartAsync(routes => routes.MapPost("/hub", () => Results.StatusCode(500)));
        await Notifier(hub.Url("/hub").AbsoluteUri).NotifyAsync(["http://localhost:5080/feed.atom"], CancellationToken.None);
        // A hub nobody listens on: the connection is refused.
        await Notifier("http://127.0.0.1:9/hub").NotifyAsync(["http://localhost:5080/feed.atom"], CancellationToken.None);
        Assert.Single(hub.RequestsTo("/hub"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hub.example/publish")]
    public async Task Without_a_usable_hub_nothing_is_sent(string? hub)
    {
        var clients = new RecordingHttpClients();
        var notifier = new WebSubNotifier(clients, Options.Create(new PublishingOptions { WebSubHub = hub }), NullLogger<WebSubNotifier>.Instance);

        await notifier.NotifyAsync(["http://localhost:5080/feed.atom"], CancellationToken.None);

        Assert.Empty(clients.Requests);
    }

    [Fact]
    public async Task A_hub_answering_an_error_is_a_warning_naming_the_hub_the_status_and_the_feed()
    {
        var logs = new CapturingLoggerProvider();
        var clients = new RecordingHttpClients((request, _) => request.RequestUri!.AbsolutePath == "/refuses"
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.Accepted));

        await Notifier(clients, "https://hub.example/refuses", logs).NotifyAsync(["http://localhost:5080/feed.atom"], CancellationToken.None);
        await Notifier(clients, "https://hub.example/accepts", logs).NotifyAsync(["http://localhost:5080/feed.rss"], CancellationToken.None);

        var warning = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Publishing: WebSub hub https://hub.example/refuses answered 503 to the ping for http://localhost:5080/feed.atom", warning.Message);
        Assert.Equal(503, warning.Properties["HttpStatus"]);
        Assert.Equal("http://localhost:5080/feed.atom", warning.Properties["Topic"]);
    }

    [Fact]
    public async Task An_unreachable_or_slow_hub_is_a_warning_and_the_other_feeds_are_still_pinged()
    {
        var logs = new CapturingLoggerProvider();
        var clients = new RecordingHttpClients((_, body) => body.Contains("feed.atom", StringComparison.Ordinal)
            ? throw new HttpRequestException("Connection refused")
            : body.Contains("feed.rss", StringComparison.Ordinal)
                ? throw new TaskCanceledException("The request timed out.")
                : new HttpResponseMessage(HttpStatusCode.NoContent));

        await Notifier(clients, "https://hub.example/publish", logs)
            .NotifyAsync(["http://localhost:5080/feed.atom", "http://localhost:5080/feed.rss", "http://localhost:5080/feed.json"], CancellationToken.None);

        Assert.Equal(["http://localhost:5080/feed.atom", "http://localhost:5080/feed.rss", "http://localhost:5080/feed.json"], clients.PingedTopics);
        Assert.Collection(
            logs.Entries,
            refused =>
            {
                Assert.Equal(LogLevel.Warning, refused.Level);
                Assert.Equal("Publishing: WebSub hub https://hub.example/publish could not be pinged for http://localhost:5080/feed.atom: Connection refused", refused.Message);
                Assert.Equal("Connection refused", refused.Properties["Error"]);
            },
            timedOut =>
            {
                Assert.Equal(LogLevel.Warning, timedOut.Level);
                Assert.Equal("Publishing: WebSub hub https://hub.example/publish timed out on the ping for http://localhost:5080/feed.rss", timedOut.Message);
            });
    }

    [Fact]
    public async Task A_cancelled_publication_stops_pinging()
    {
        using var cancel = new CancellationTokenSource();
        var clients = new RecordingHttpClients((_, _) =>
        {
            cancel.Cancel();
            throw new TaskCanceledException();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Notifier(clients, "https://hub.example/publish", new CapturingLoggerProvider())
            .NotifyAsync(["http://localhost:5080/feed.atom", "http://localhost:5080/feed.rss"], cancel.Token));
        Assert.Single(clients.Requests);
    }

    private static WebSubNotifier Notifier(RecordingHttpClients clients, string hub, CapturingLoggerProvider logs) =>
        new(clients, Options.Create(new PublishingOptions { WebSubHub = hub }), new Logger<WebSubNotifier>(new LoggerFactory([logs])));
}
