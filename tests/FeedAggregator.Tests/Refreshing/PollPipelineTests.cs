using Dapper;
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
    public async Task A_store_fault_while_following_a_permanent_redirect_is_recorded_on_the_feed_as_an_internal_error()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/old", context =>
            {
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = "/new";
                return Task.CompletedTask;
            });
            routes.MapGet("/new", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);
        await using (var connection = await poll.Db.Connections.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("""
                CREATE TRIGGER refuse_moves BEFORE UPDATE OF url ON feeds WHEN NEW.url <> OLD.url
                BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END
                """);

        var summary = await poll.PollAsync();

        Assert.Equal((1, 1), (summary.Polled, summary.Failed));
        var feed = await poll.FeedAsync(server.Url("/old").AbsoluteUri);
        Assert.Equal(FeedStatus.Error, feed.Status);
        Assert.StartsWith("internal error: SqliteException: ", feed.LastError, StringComparison.Ordinal);
        Assert.Contains("disk I/O error", feed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_the_store_cannot_record_either_is_logged_as_an_error_naming_the_feed_and_the_pass_goes_on()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        await using (var connection = await poll.Db.Connections.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("""
                CREATE TRIGGER refuse_poll_state BEFORE UPDATE ON feeds WHEN NEW.last_polled_at IS NOT OLD.last_polled_at
                BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END
                """);

        var summary = await poll.PollAsync();

        var result = Assert.Single(summary.Results);
        Assert.Equal(FeedStatus.Error, result.Status);
        var error = Assert.Single(poll.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Storage:", StringComparison.Ordinal));
        Assert.Equal("Storage: could not record the failure of {FeedUrl}", error.Properties["{OriginalFormat}"]);
        Assert.Equal(server.Url("/feed").AbsoluteUri, error.Properties["FeedUrl"]);
        Assert.NotNull(error.Exception);
    }

    [Fact]
    public async Task A_store_that_refuses_every_write_stops_the_pass_with_its_error_rather_than_fetching_on()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed/{n}", context =>
            context.Response.Body.WriteAsync(Feeds.Rss("a-" + context.Request.RouteValues["n"])).AsTask());
        await using var poll = await PollHarness.CreateAsync(
            Enumerable.Range(1, 40).Select(n => server.Url($"/feed/{n}")),
            o => (o.MaxConcurrency, o.MaxConcurrencyPerHost, o.QueueCapacity) = (2, 2, 1),
            articles: inner => new ScriptedArticleStore(inner) { SaveFault = new InvalidOperationException("the store is gone") });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => poll.PollAsync().WaitAsync(TimeSpan.FromSeconds(30))); // a safety net, not a timing assert

        Assert.IsType<InvalidOperationException>(error);
        Assert.True(server.Requests.Count < 40);
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
