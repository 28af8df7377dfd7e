using System.Net;
using FeedAggregator.Model;
using FeedAggregator.Subscriptions;

namespace FeedAggregator.Tests.WebSub;

/// <summary>
/// The WebSub subscriber end to end: a local hub and the real service talking over HTTP through
/// the callback endpoint, on a fake clock. Subscribe, verify, push, renew, unsubscribe.
/// </summary>
public sealed class WebSubFlowTests
{
    private static readonly DateTimeOffset Start = WebSubService.Start;

    [Fact]
    public async Task A_feed_with_a_hub_is_subscribed_verified_pushed_to_renewed_and_unsubscribed()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);

        // The poll finds the hub; the keeper subscribes with a callback of its own and a secret.
        await service.PollAsync();
        var feed = await service.FeedAsync();
        Assert.Equal(new HubLink(hub.HubUrl.AbsoluteUri, hub.Topic.AbsoluteUri), feed.Hub);
        Assert.Equal(Start.AddMinutes(30), feed.NextPollAt);
        await service.MaintainAsync();
        var request = Assert.Single(hub.Requests);
        Assert.Equal(("subscribe", hub.Topic.AbsoluteUri, "864000"), (request.Mode, request.Topic, request.LeaseSeconds));
        Assert.StartsWith(new Uri(service.BaseAddress, $"websub/callback/{feed.Id}/").AbsoluteUri, request.Callback.AbsoluteUri);
        Assert.Equal(64, request.Secret!.Length);

        // Verification of intent: only this topic and mode are echoed.
        Assert.Equal(HttpStatusCode.NotFound, (await LocalHub.VerifyAsync(request.Callback, "subscribe", "https://other.example/feed", "x")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await LocalHub.VerifyAsync(request.Callback, "unsubscribe", request.Topic, "x")).Status);
        Assert.Equal((HttpStatusCode.OK, "challenge-1"), await LocalHub.VerifyAsync(request, "challenge-1", leaseSeconds: 3600));
        var subscription = Assert.Single(await service.SubscriptionsAsync());
        Assert.Equal((HubSubscriptionState.Verified, Start.AddHours(1)), (subscription.State, subscription.LeaseUntil));

        // While pushes are relied on, the feed is polled at the fallback interval.
        await service.PollAsync();
        Assert.Equal(Start.AddHours(6), (await service.FeedAsync()).NextPollAt);

        // A signed push is stored and published at once.
        Assert.Equal(HttpStatusCode.Accepted, await LocalHub.PushAsync(request.Callback, hub.Document([new("b", "Pushed post", Start)]), request.Secret));
        Assert.Contains("Pushed post", await service.StoredTitlesAsync());
        await WebSubService.EventuallyAsync(async () => (await service.Http.GetStringAsync("/feed.atom")).Contains("Pushed post"), "the push in /feed.atom");

        // A push whose signature does not verify, or that is not signed, is discarded, logged and counted.
        Assert.Equal(HttpStatusCode.Accepted, await LocalHub.PushAsync(request.Callback, hub.Document([new("c", "Forged post", Start)]), "not the secret"));
        Assert.Equal(HttpStatusCode.Accepted, await LocalHub.PushAsync(request.Callback, hub.Document([new("d", "Unsigned post", Start)]), secret: null));
        Assert.Equal(["First post", "Pushed post", "Zeroth post"], await service.StoredTitlesAsync());
        subscription = Assert.Single(await service.SubscriptionsAsync());
        Assert.Equal((1L, 2L), (subscription.Pushes, subscription.Rejected));
        Assert.Equal(2, service.Logs.Entries.Count(e => e.Message.Contains("was discarded", StringComparison.Ordinal)));

        // Renewed once 80% of the lease has passed, with the same callback and secret.
        service.Time.Advance(TimeSpan.FromMinutes(47));
        await service.MaintainAsync();
        Assert.Single(hub.Requests);
        service.Time.Advance(TimeSpan.FromMinutes(2));
        await service.MaintainAsync();
        var renewal = hub.Requests[1];
        Assert.Equal((request.Mode, request.Callback, request.Secret), (renewal.Mode, renewal.Callback, renewal.Secret));
        Assert.Equal((HttpStatusCode.OK, "challenge-2"), await LocalHub.VerifyAsync(renewal, "challenge-2", leaseSeconds: 7200));
        subscription = Assert.Single(await service.SubscriptionsAsync());
        Assert.Equal((HubSubscriptionState.Verified, service.Time.GetUtcNow().AddHours(2), 1L), (subscription.State, subscription.LeaseUntil, subscription.Pushes));

        // Removed from the OPML: unsubscribed, and the hub's verification of that is echoed.
        OpmlFile.Write(service.OpmlPath, []);
        await service.Get<SubscriptionSync>().SyncAsync(CancellationToken.None);
        await service.MaintainAsync();
        var unsubscribe = hub.Requests[2];
        Assert.Equal(("unsubscribe", request.Callback), (unsubscribe.Mode, unsubscribe.Callback));
        Assert.Null((await service.FeedAsync()).PushUntil);
        Assert.Equal(HttpStatusCode.Gone, await LocalHub.PushAsync(request.Callback, hub.Document([new("e", "Late post", Start)]), request.Secret));
        Assert.Equal(HttpStatusCode.NotFound, (await LocalHub.VerifyAsync(request.Callback, "subscribe", request.Topic, "x")).Status);
        Assert.Equal((HttpStatusCode.OK, "challenge-3"), await LocalHub.VerifyAsync(unsubscribe, "challenge-3", leaseSeconds: null));
        Assert.Empty(await service.SubscriptionsAsync());
        Assert.Equal(HttpStatusCode.NotFound, await LocalHub.PushAsync(request.Callback, hub.Document([new("e", "Late post", Start)]), request.Secret));
        Assert.DoesNotContain("Late post", await service.StoredTitlesAsync());
    }

    [Fact]
    public async Task A_hub_that_never_verifies_leaves_the_feed_on_normal_polling_and_is_asked_again_later()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        await service.PollAsync();
        await service.MaintainAsync();
        Assert.Single(hub.Requests);

        await service.PollAsync();
        Assert.Equal(Start.AddMinutes(30), (await service.FeedAsync()).NextPollAt);

        // WebSub:VerifyTimeout (15 min) passes without a verification.
        service.Time.Advance(TimeSpan.FromMinutes(16));
        await service.MaintainAsync();
        var failed = Assert.Single(await service.SubscriptionsAsync());
        Assert.Equal(HubSubscriptionState.Failed, failed.State);
        Assert.Contains("did not verify", failed.LastError);
        await service.PollAsync();
        var now = service.Time.GetUtcNow();
        Assert.Equal(now + (now - hub.Entries.Min(e => e.Updated)) / 4, (await service.FeedAsync()).NextPollAt);

        // Asked again after the backoff (an hour), with the same callback.
        service.Time.Advance(TimeSpan.FromMinutes(59));
        await service.MaintainAsync();
        Assert.Single(hub.Requests);
        service.Time.Advance(TimeSpan.FromMinutes(2));
        await service.MaintainAsync();
        Assert.Equal(hub.Requests[0].Callback, hub.Requests[1].Callback);
        Assert.Equal(HubSubscriptionState.Subscribing, Assert.Single(await service.SubscriptionsAsync()).State);
    }

    [Theory]
    [InlineData(HubAnswer.Refuse, "the hub answered 400 Bad Request: topic not allowed here")]
    [InlineData(HubAnswer.Hang, "the hub did not answer in time")]
    public async Task A_hub_that_refuses_or_never_answers_is_a_failed_subscription_and_the_feed_is_polled_as_usual(HubAnswer answer, string error)
    {
        await using var hub = await LocalHub.StartAsync();
        hub.Answer = answer;
        await using var service = await WebSubService.StartAsync(hub, settings: "--Fetching:Timeout=00:00:02");
        await service.PollAsync();

        await service.MaintainAsync();

        var failed = Assert.Single(await service.SubscriptionsAsync());
        Assert.Equal((HubSubscriptionState.Failed, error), (failed.State, failed.LastError));
        Assert.Equal(Start.AddHours(1), failed.RetryAt);
        await service.PollAsync();
        Assert.Equal(Start.AddMinutes(30), (await service.FeedAsync()).NextPollAt);
    }

    [Fact]
    public async Task A_request_whose_connection_the_hub_drops_is_sent_once_more_at_once()
    {
        await using var hub = await LocalHub.StartAsync();
        hub.Answer = HubAnswer.DropOnce;
        await using var service = await WebSubService.StartAsync(hub);
        await service.PollAsync();

        await service.MaintainAsync();

        Assert.Equal(2, hub.Requests.Count);
        Assert.Equal(hub.Requests[0], hub.Requests[1]);
        Assert.Null(Assert.Single(await service.SubscriptionsAsync()).LastError);
        Assert.Equal(HubSubscriptionState.Subscribing, Assert.Single(await service.SubscriptionsAsync()).State);
    }

    [Fact]
    public async Task Pushes_that_stop_send_the_feed_back_to_its_own_interval_until_the_next_push()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        var request = await VerifiedAsync(hub, service);
        await service.PollAsync();
        Assert.Equal(Start.AddHours(6), (await service.FeedAsync()).NextPollAt);

        // The safety poll finds a post of 09:20 that the hub never pushed: pushes have stopped.
        service.Time.Advance(TimeSpan.FromHours(1));
        hub.Entries.Add(new("late", "Never pushed", Start.AddMinutes(20)));
        await service.PollAsync();
        var feed = await service.FeedAsync();
        var now = service.Time.GetUtcNow();
        Assert.Equal(now, feed.PushMissedAt);
        Assert.True(feed.NextPollAt < now.AddHours(1), $"next poll {feed.NextPollAt}");

        // A push shows they work again.
        service.Time.Advance(TimeSpan.FromMinutes(1));
        now = service.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, await LocalHub.PushAsync(request.Callback, hub.Document([new("p", "Pushed again", now)]), request.Secret));
        await service.PollAsync();
        Assert.Equal(now.AddHours(6), (await service.FeedAsync()).NextPollAt);
    }

    [Fact]
    public async Task A_post_a_push_may_still_be_bringing_is_no_miss()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        await VerifiedAsync(hub, service);
        service.Time.Advance(TimeSpan.FromHours(1));

        // Published five minutes before the poll: within the ten minutes a push may take.
        hub.Entries.Add(new("fresh", "Just out", service.Time.GetUtcNow().AddMinutes(-5)));
        await service.PollAsync();

        var feed = await service.FeedAsync();
        Assert.Null(feed.PushMissedAt);
        Assert.Equal(service.Time.GetUtcNow().AddHours(6), feed.NextPollAt);
    }

    /// <summary>Polls, subscribes and verifies with a day's lease: the request the hub received.</summary>
    internal static async Task<HubRequest> VerifiedAsync(LocalHub hub, WebSubService service)
    {
        await service.PollAsync();
        await service.MaintainAsync();
        var request = Assert.Single(hub.Requests);
        Assert.Equal(HttpStatusCode.OK, (await LocalHub.VerifyAsync(request, "ok", leaseSeconds: 86400)).Status);
        return request;
    }
}
