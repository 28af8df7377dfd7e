using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Conditional GET and the body-hash skip, seen from the server.</summary>
public sealed class PollCycleValidatorTests
{
    [Fact]
    public async Task The_second_poll_sends_both_validators_from_the_200_and_a_304_is_success_with_nothing_new()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Mon, 02 Mar 2026 08:00:00 GMT";
            await context.Response.Body.WriteAsync(Feeds.Rss("a", "b"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var first = await poll.PollAsync();
        var second = await poll.PollAsync(force: true);

        var requests = server.RequestsTo("/feed");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal("Mon, 02 Mar 2026 08:00:00 GMT", requests[1].Header("If-Modified-Since"));
        Assert.Equal(2, first.Added);
        Assert.Equal(0, second.Added);
        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal((FeedStatus.Ok, 304, "\"v1\""), (feed.Status, feed.LastHttpStatus, feed.ETag));
    }

    [Fact]
    public async Task Validators_of_an_error_response_are_not_kept()
    {
        var calls = 0;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            calls++;
            context.Response.Headers.ETag = calls == 1 ? "\"good\"" : "\"error-page\"";
            context.Response.StatusCode = calls == 1 ? 200 : 500;
            await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();
        await poll.PollAsync(force: true);
        await poll.PollAsync(force: true);

        Assert.Equal("\"good\"", server.RequestsTo("/feed")[2].Header("If-None-Match"));
    }

    [Fact]
    public async Task A_server_that_ignores_validators_and_sends_the_same_bytes_is_not_parsed_again()
    {
        var body = Feeds.Rss("a", "b");
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();
        var before = poll.Logs.Entries.Count(e => e.Message.Contains("body unchanged", StringComparison.Ordinal));
        var second = await poll.PollAsync(force: true);
        body = Feeds.Rss("a", "b", "c");
        var third = await poll.PollAsync(force: true);

        Assert.Equal(3, server.RequestsTo("/feed").Count);
        Assert.Equal(0, before);
        Assert.Single(poll.Logs.Entries, e => e.Message.Contains("body unchanged", StringComparison.Ordinal));
        Assert.Equal(FeedStatus.Ok, second.Results.Single().Status);
        Assert.Equal(1, third.Added);
    }
}
