using System.Net;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.WebSub;

/// <summary>
/// What the callback refuses: unknown callbacks, bodies over Fetching:MaxBodyBytes, floods; and
/// that a push never creates a feed or writes outside its own feed.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class WebSubCallbackTests
{
    private static readonly DateTimeOffset Start = WebSubService.Start;

    [Fact]
    public async Task An_unknown_callback_is_404_and_a_token_only_opens_its_own_feed()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        var request = await WebSubFlowTests.VerifiedAsync(hub, service);
        var feedId = (await service.FeedAsync()).Id;
        var forged = new Uri(service.BaseAddress, $"websub/callback/{feedId}/0123456789abcdef0123456789abcdef");
        var token = request.Callback.Segments[^1];
        var otherFeed = new Uri(service.BaseAddress, $"websub/callback/{feedId + 1}/{token}");

        Assert.Equal(HttpStatusCode.NotFound, (await LocalHub.VerifyAsync(forged, "subscribe", request.Topic, "x")).Status);
        Assert.Equal(HttpStatusCode.NotFound, await LocalHub.PushAsync(forged, hub.Document([new("x", "Forged", Start)]), request.Secret));
        Assert.Equal(HttpStatusCode.NotFound, await LocalHub.PushAsync(otherFeed, hub.Document([new("x", "Forged", Start)]), request.Secret));
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync("/websub/callback/not-a-number/" + token)).StatusCode);

        // Content that names other sites and other ids still lands in this feed only, and makes no feed.
        var elsewhere = hub.Document([new("x", "Claims to be elsewhere", Start)]).Replace(hub.Topic.AbsoluteUri, "https://victim.example/feed");
        Assert.Equal(HttpStatusCode.Accepted, await LocalHub.PushAsync(request.Callback, elsewhere, request.Secret));
        var feeds = await service.Get<IFeedStore>().ListAsync(CancellationToken.None);
        Assert.Equal(feedId, Assert.Single(feeds).Id);
        Assert.Equal(3, (await service.Get<IArticleStore>().CountByFeedAsync(CancellationToken.None))[feedId]);
        Assert.Equal(["Claims to be elsewhere", "First post", "Zeroth post"], await service.StoredTitlesAsync());
    }

    [Fact]
    public async Task A_body_over_Fetching_MaxBodyBytes_is_refused_with_413()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub, settings: "--Fetching:MaxBodyBytes=4096");
        var request = await WebSubFlowTests.VerifiedAsync(hub, service);
        var big = hub.Document([new("big", "Big post " + new string('x', 5000), Start)]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await LocalHub.PushAsync(request.Callback, big, request.Secret));

        // Sent in chunks, with no Content-Length to refuse up front: cut off while read.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, request.Callback) { Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big))) };
        chunked.Headers.TransferEncodingChunked = true;
        using var response = await service.Http.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["First post", "Zeroth post"], await service.StoredTitlesAsync());
        Assert.Equal(0, Assert.Single(await service.SubscriptionsAsync()).Pushes);
    }

    [Fact]
    public async Task A_flood_of_pushes_for_one_feed_is_refused_with_429_over_WebSub_MaxPushesPerMinute()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub, settings: "--WebSub:MaxPushesPerMinute=3");
        var request = await WebSubFlowTests.VerifiedAsync(hub, service);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add(await LocalHub.PushAsync(request.Callback, hub.Document([new($"f{i}", $"Flood {i}", Start)]), request.Secret));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(["First post", "Flood 0", "Flood 1", "Flood 2", "Zeroth post"], await service.StoredTitlesAsync());
    }

    [Fact]
    public async Task A_purged_feed_is_unsubscribed_at_its_hub()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        var request = await WebSubFlowTests.VerifiedAsync(hub, service);

        await service.Get<IFeedStore>().PurgeAsync(hub.Topic.AbsoluteUri, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Gone, await LocalHub.PushAsync(request.Callback, hub.Document([new("z", "After purge", Start)]), request.Secret));
        await service.MaintainAsync();

        var unsubscribe = hub.Requests[^1];
        Assert.Equal(("unsubscribe", request.Callback, request.Topic), (unsubscribe.Mode, unsubscribe.Callback, unsubscribe.Topic));
        Assert.Equal((HttpStatusCode.OK, "bye"), await LocalHub.VerifyAsync(unsubscribe, "bye", leaseSeconds: null));
        Assert.Empty(await service.SubscriptionsAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WebSub_is_off_without_an_explicit_base_url_or_when_disabled(bool disabled)
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = disabled
            ? await WebSubService.StartAsync(hub, explicitBaseUrl: true, "--WebSub:Enabled=false")
            : await WebSubService.StartAsync(hub, explicitBaseUrl: false);
        await service.PollAsync();

        await service.MaintainAsync();

        Assert.NotNull((await service.FeedAsync()).Hub);
        Assert.Empty(hub.Requests);
        Assert.Empty(await service.SubscriptionsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync($"/websub/callback/{(await service.FeedAsync()).Id}/abc?hub.mode=subscribe")).StatusCode);
    }

    [Fact]
    public async Task Status_and_feeds_list_show_the_subscription_state_and_lease()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        var request = await WebSubFlowTests.VerifiedAsync(hub, service);
        await LocalHub.PushAsync(request.Callback, hub.Document([new("s", "Status post", Start)]), request.Secret);

        var status = await service.Http.GetStringAsync("/status");
        Assert.Contains("WebSub verified, lease until <time datetime=\"2026-03-03T09:00:00Z\"", status);
        Assert.Contains("1 pushes", status);

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(ExitCodes.Done, await CliApp.RunAsync(["feeds", "list", "--json", .. service.CliSettings]));
            Assert.Equal(ExitCodes.Done, await CliApp.RunAsync(["feeds", "list", .. service.CliSettings]));
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var websub = JsonDocument.Parse(lines[0]).RootElement.GetProperty("websub");
        Assert.Equal("verified", websub.GetProperty("state").GetString());
        Assert.Equal("2026-03-03T09:00:00Z", websub.GetProperty("lease_until").GetString());
        Assert.Equal(hub.HubUrl.AbsoluteUri, websub.GetProperty("hub").GetString());
        Assert.Equal(1, websub.GetProperty("pushes").GetInt32());
        Assert.Contains("WebSub verified until 2026-03-03T09:00:00Z (1 pushes)", lines[1]);
    }
}
