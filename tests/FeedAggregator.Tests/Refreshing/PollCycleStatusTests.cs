using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>410, backoff, Retry-After per host and --force, seen from the server.</summary>
public sealed class PollCycleStatusTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_gone_feed_is_not_polled_again_not_even_forced_until_reactivated()
    {
        var gone = true;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (gone)
                context.Response.StatusCode = 410;
            else
                await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        var url = server.Url("/feed").AbsoluteUri;

        await poll.PollAsync();
        poll.Time.Advance(TimeSpan.FromDays(3));
        await poll.PollAsync();
        await poll.PollAsync(force: true);
        Assert.Single(server.RequestsTo("/feed"));
        Assert.Equal((FeedStatus.Gone, 410), ((await poll.FeedAsync(url)).Status, (await poll.FeedAsync(url)).LastHttpStatus));

        gone = false;
        Assert.True(await poll.Db.Feeds.ReactivateAsync(url, None));
        await poll.PollAsync();
        Assert.Equal(2, server.RequestsTo("/feed").Count);
        Assert.Equal(FeedStatus.Ok, (await poll.FeedAsync(url)).Status);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Errors_back_off_exponentially_with_jitter_never_give_up_and_reset_on_success(int status)
    {
        var failing = true;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (failing)
                context.Response.StatusCode = status;
            else
                await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        var url = server.Url("/feed").AbsoluteUri;

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            await poll.PollAsync();
            var feed = await poll.FeedAsync(url);
            Assert.Equal(i + 1, feed.ConsecutiveErrors);
            delays.Add(feed.NextPollAt!.Value - poll.Time.GetUtcNow());

            // Not due before its time: a poll now requests nothing.
            await poll.PollAsync();
            Assert.Equal(i + 1, server.RequestsTo("/feed").Count);
            poll.Time.Advance(delays[^1]);
        }

        for (var i = 0; i < delays.Count; i++)
        {
            var expected = TimeSpan.FromMinutes(Math.Min(30 * Math.Pow(2, i), 24 * 60));
            Assert.InRange(delays[i], expected, expected * 1.2);
        }

        failing = false;
        await poll.PollAsync();
        var healed = await poll.FeedAsync(url);
        Assert.Equal((FeedStatus.Ok, 0, null), (healed.Status, healed.ConsecutiveErrors, healed.LastError));
        Assert.Equal(TimeSpan.FromMinutes(30), healed.NextPollAt - poll.Time.GetUtcNow());
    }

    [Theory]
    [InlineData(429, "120")]
    [InlineData(503, "Mon, 02 Mar 2026 09:02:00 GMT")]
    public async Task Retry_after_holds_every_feed_of_that_host_even_forced(int status, string retryAfter)
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/a", context =>
            {
                context.Response.StatusCode = status;
                context.Response.Headers.RetryAfter = retryAfter;
                return Task.CompletedTask;
            });
            routes.MapGet("/b", context => context.Response.Body.WriteAsync(Feeds.Rss("b")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/a"), server.Url("/b")], o => o.MaxConcurrencyPerHost = 1);

        var first = await poll.PollAsync();
        Assert.Single(server.RequestsTo("/a"));
        Assert.Empty(server.RequestsTo("/b"));
        Assert.Equal(1, first.Held);
        var until = PollHarness.Start.AddMinutes(2);
        var b = await poll.FeedAsync(server.Url("/b").AbsoluteUri);
        Assert.Equal(until, b.RetryAfter);
        var waits = Assert.Single(poll.Logs.Entries, e => e.Message.Contains("waits for its host's Retry-After", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, waits.Level);
        Assert.Equal((b.Url, b.Id, until), (waits.Properties["FeedUrl"] as string, (long)waits.Properties["FeedId"]!, (DateTimeOffset)waits.Properties["RetryAfter"]!));

        // A later run (a new process: the hold comes from the store) and --force respect it too.
        poll.Time.Advance(TimeSpan.FromMinutes(1));
        await poll.PollAsync(force: true);
        Assert.Single(server.Requests);

        poll.Time.Advance(TimeSpan.FromMinutes(1));
        await poll.PollAsync(force: true);
        Assert.Equal(2, server.RequestsTo("/a").Count);
        Assert.Single(server.RequestsTo("/b"));
    }

    [Fact]
    public async Task A_hold_on_one_host_does_not_delay_another_host()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/a", context =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            });
            routes.MapGet("/b", context => context.Response.Body.WriteAsync(Feeds.Rss("b")).AsTask());
        });
        // "localhost" and "127.0.0.1" are two hosts to the poller, one server to the test.
        var other = new UriBuilder(server.Url("/b")) { Host = "localhost" }.Uri;
        await using var poll = await PollHarness.CreateAsync([server.Url("/a"), other]);

        await poll.PollAsync();

        Assert.Single(server.RequestsTo("/b"));
        Assert.Equal(FeedStatus.Ok, (await poll.FeedAsync(other.AbsoluteUri)).Status);
    }
}
