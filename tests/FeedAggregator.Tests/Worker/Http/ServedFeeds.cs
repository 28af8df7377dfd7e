using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>
/// One running service shared by the read-only HTTP tests: subscribed to two loopback feeds
/// (Tech: RSS, two English items; World: JSON Feed, one Arabic and one English item) and to one
/// that answers 404, and ready once its first poll run has published the four items.
/// </summary>
public sealed class ServedFeeds : IAsyncLifetime
{
    public const int ItemCount = 4;
    private readonly ScratchFolder _folder = new();
    private LocalHttpServer _origin = null!;
    private ServiceFactory _service = null!;

    public HttpClient Client { get; private set; } = null!;
    public string TechUrl => _origin.Url("/tech.rss").AbsoluteUri;
    public string MissingUrl => _origin.Url("/missing.rss").AbsoluteUri;

    public async Task InitializeAsync()
    {
        _origin = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/tech.rss", () => Results.File(TestFiles.Path("Worker", "tech.rss"), "application/rss+xml"));
            routes.MapGet("/world.json", () => Results.File(TestFiles.Path("Worker", "world.json"), "application/feed+json"));
        });
        _folder.WriteOpml(
            new Subscription(TechUrl, "Loopback Tech", "Tech"),
            new Subscription(_origin.Url("/world.json").AbsoluteUri, "Loopback World", "World"),
            new Subscription(MissingUrl, "Missing", "Tech"));
        _service = new ServiceFactory(_folder);
        Client = _service.CreateClient();
        await WaitForItemsAsync(Client, ItemCount);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _origin.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Waits (30 s at most) for the first poll run to publish <paramref name="count"/> items.</summary>
    internal static async Task WaitForItemsAsync(HttpClient client, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/feed.json", deadline.Token));
            if (json.RootElement.GetProperty("items").GetArrayLength() >= count)
                return;
            await Task.Delay(100, deadline.Token);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServedFeedsCollection : ICollectionFixture<ServedFeeds>
{
    public const string Name = "served feeds";
}
