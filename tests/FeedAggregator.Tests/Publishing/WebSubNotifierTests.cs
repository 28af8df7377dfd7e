using FeedAggregator.Publishing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
        var clients = new RecordingClients();
        var notifier = new WebSubNotifier(clients, Options.Create(new PublishingOptions { WebSubHub = hub }), NullLogger<WebSubNotifier>.Instance);

        await notifier.NotifyAsync(["http://localhost:5080/feed.atom"], CancellationToken.None);

        Assert.Empty(clients.Requests);
    }

    /// <summary>Clients that answer 204 to anything and keep every request they were given.</summary>
    private sealed class RecordingClients : HttpMessageHandler, IHttpClientFactory
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        }
    }
}
