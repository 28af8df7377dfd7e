using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static FeedAggregator.Tests.Support.Measured;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The stages behind the network in a poll pass: a fault in one feed stays that feed's, and the writer stores in batches no larger than its queue.</summary>
public sealed class PollPipelineTests
{
    [Fact]
    public async Task A_bug_in_processing_one_feed_is_recorded_on_that_feed_as_an_internal_error_and_the_others_are_stored()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/bad", context => context.Response.Body.WriteAsync(Feeds.Rss("x")).AsTask());
            routes.MapGet("/good", context => context.Response.Body.WriteAsync(Feeds.Rss("y")).AsTask());
        });
        ScriptedArticleStore store = null!;
        await using var poll = await PollHarness.CreateAsync(
            [server.Url("/bad"), server.Url("/good")], articles: inner => store = new ScriptedArticleStore(inner));
        var bad = await poll.FeedAsync(server.Url("/bad").AbsoluteUri);
        store.LookupFaults[bad.Id] = new InvalidOperationException("lookup failed");
        using var polls = Collect<long>(poll.Services, "feedagg.polls");

        var summary = await poll.PollAsync();

        Assert.Equal((2, 1, 1), (summary.Polled, summary.Failed, summary.Added));
        var now = PollHarness.Start;
        var failed = await poll.FeedAsync(bad.Url);
        Assert.Equal(
            (FeedStatus.Error, "internal error: InvalidOperationException: lookup failed", 1, now, now + TimeSpan.FromMinutes(30)),
            (failed.Status, failed.LastError, failed.ConsecutiveErrors, failed.LastPolledAt, failed.NextPollAt));
        Assert.Equal(FeedStatus.Ok, (await poll.FeedAsync(server.Url("/good").AbsoluteUri)).Status);
        Assert.Equal(1, Sum(polls, ("outcome", "error"), ("error", "internal")));
        var error = Assert.Single(poll.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Refreshing: {FeedUrl} (feed {FeedId}) failed unexpectedly", error.Properties["{OriginalFormat}"]);
        Assert.Equal(bad.Url, error.Properties["FeedUrl"]);
        Assert.Equal(bad.Id, error.Properties["FeedId"]);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task The_writer_stores_what_waits_in_one_batch_never_more_than_the_queue_holds()
    {
        const int capacity = 2;
        var feeds = 40;
        await using var server = await LocalHttpServer.StartAsync("/feed/{n}", context =>
            context.Response.Body.WriteAsync(Feeds.Rss("a-" + context.Request.RouteValues["n"])).AsTask());
        ScriptedArticleStore store = null!;
        await using var poll = await PollHarness.CreateAsync(
            Enumerable.Range(1, feeds).Select(n => server.Url($"/feed/{n}")),
            o => (o.MaxConcurrency, o.MaxConcurrencyPerHost, o.QueueCapacity) = (4, 4, capacity),
            articles: inner => store = new ScriptedArticleStore(inner) { HoldSaves = true });

        var cycle = poll.PollAsync();
        // Held in the pipeline at most: the writer's batch, its queue, one per processing worker
        // (waiting to hand on), the processing queue, and one per fetch worker (waiting to hand on).
        var inHand = 1 + capacity + Environment.ProcessorCount + capacity + 4;
        for (var i = 0; i < 1000 && server.Requests.Count < inHand; i++)
            await Task.Delay(10); // a safety net, not a timing assert
        Assert.False(cycle.IsCompleted);

        store.SaveGate.SetResult();
        var summary = await cycle;

        Assert.Equal(feeds, summary.Added);
        Assert.Equal(feeds, store.Batches.Sum());
        Assert.Equal(capacity, store.Batches.Max());
    }
}
