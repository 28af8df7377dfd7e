using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Permanent redirects move the subscription; temporary ones do not.</summary>
public sealed class PollCycleRedirectTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(308)]
    public async Task A_permanent_redirect_updates_the_store_and_the_opml_and_the_next_poll_goes_straight_there(int status)
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/old", context =>
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/new";
                return Task.CompletedTask;
            });
            routes.MapGet("/new", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);

        await poll.PollAsync();
        await poll.Sync.SyncAsync(CancellationToken.None); // what the next PollJob run does first
        await poll.PollAsync(force: true);

        Assert.Single(server.RequestsTo("/old"));
        Assert.Equal(2, server.RequestsTo("/new").Count);
        var feed = await poll.FeedAsync(server.Url("/new").AbsoluteUri);
        var articles = await poll.Db.Articles.CountByFeedAsync(CancellationToken.None);
        Assert.Equal(1, articles[feed.Id]); // the articles stay with the moved feed
        Assert.Equal([server.Url("/new").AbsoluteUri], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url));
        Assert.Contains(poll.Logs.Entries, e => e.Message.Contains("moved permanently", StringComparison.Ordinal)
                                                && e.Message.Contains("/old -> ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    public async Task A_temporary_redirect_keeps_the_subscribed_url(int status)
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/old", context =>
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/new";
                return Task.CompletedTask;
            });
            routes.MapGet("/new", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);

        await poll.PollAsync();
        await poll.PollAsync(force: true);

        Assert.Equal(2, server.RequestsTo("/old").Count);
        Assert.Equal([server.Url("/old").AbsoluteUri], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url));
        Assert.Equal(Model.FeedStatus.Ok, (await poll.FeedAsync(server.Url("/old").AbsoluteUri)).Status);
    }

    [Fact]
    public async Task A_move_onto_a_url_already_subscribed_keeps_both_feeds_as_they_are()
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
        await using var poll = await PollHarness.CreateAsync([server.Url("/old"), server.Url("/new")]);

        var summary = await poll.PollAsync();

        // Both polled and both fine: the move was refused, not turned into an error row.
        Assert.Equal(0, summary.Failed);
        var old = await poll.FeedAsync(server.Url("/old").AbsoluteUri);
        var current = await poll.FeedAsync(server.Url("/new").AbsoluteUri);
        Assert.Equal((Model.FeedStatus.Ok, null), (old.Status, old.LastError));
        Assert.Equal((Model.FeedStatus.Ok, null), (current.Status, current.LastError));
        Assert.Equal([server.Url("/old").AbsoluteUri, server.Url("/new").AbsoluteUri], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url));
        Assert.Contains(poll.Logs.Entries, e => e.Message.Contains("which is subscribed already; kept as is", StringComparison.Ordinal));
    }
}
