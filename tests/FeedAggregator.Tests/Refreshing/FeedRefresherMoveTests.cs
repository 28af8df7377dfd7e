using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Where a poll finds its feed: an HTML page's feed link, and permanent moves in the store and the OPML file.</summary>
public sealed class FeedRefresherMoveTests
{
    [Fact]
    public async Task An_html_page_is_polled_through_its_feed_link_and_a_move_of_that_feed_is_followed()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/blog", () => Results.Content("""<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>""", "text/html"));
            routes.MapGet("/feed", () => Results.Redirect("/moved", permanent: true));
            routes.MapGet("/moved", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/blog")]);

        var result = await poll.RefreshAsync(server.Url("/blog"));

        Assert.Equal((1, server.Url("/blog").AbsoluteUri, server.Url("/moved").AbsoluteUri), (result.Added, result.Feed.Url, result.Feed.DiscoveredUrl));
        var found = Assert.Single(poll.Logged(LogLevel.Information, "Refreshing: "), e => e.Message.Contains("HTML page", StringComparison.Ordinal));
        Assert.Equal(server.Url("/feed"), found.Properties["DiscoveredUrl"]);
        var moved = Assert.Single(poll.Logged(LogLevel.Warning, "Fetching: "));
        Assert.Equal((server.Url("/feed").AbsoluteUri, server.Url("/moved")), (moved.Properties["OldUrl"], moved.Properties["NewUrl"]));
        Assert.Equal([server.Url("/blog").AbsoluteUri], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url)); // the subscription is the page
    }

    [Fact]
    public async Task A_moved_feed_is_rewritten_in_the_opml_file_without_a_warning()
    {
        await using var server = await MovingServer();
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);

        var result = await poll.RefreshAsync(server.Url("/old"));

        Assert.Equal(server.Url("/new").AbsoluteUri, result.Feed.Url);
        Assert.Equal([server.Url("/new").AbsoluteUri], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url));
        Assert.Empty(poll.Logged(LogLevel.Warning, "Subscriptions: "));
    }

    [Fact]
    public async Task A_moved_feed_missing_from_the_opml_file_moves_in_the_store_and_the_operator_is_warned()
    {
        await using var server = await MovingServer();
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);
        poll.WriteOpml([new Subscription("http://other.test/feed")]);

        var result = await poll.RefreshAsync(server.Url("/old"));

        Assert.Equal(server.Url("/new").AbsoluteUri, result.Feed.Url);
        Assert.Equal(server.Url("/new").AbsoluteUri, (await poll.Db.Feeds.ListAsync(CancellationToken.None)).Single().Url);
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Subscriptions: "));
        Assert.Equal((server.Url("/old").AbsoluteUri, server.Url("/new")), (warning.Properties["FeedUrl"], warning.Properties["NewUrl"]));
        Assert.Equal(["http://other.test/feed"], OpmlFile.Read(poll.OpmlPath).Select(s => s.Url));
    }

    [Fact]
    public async Task An_opml_file_broken_by_hand_is_logged_as_an_error_and_the_move_stands_in_the_store()
    {
        await using var server = await MovingServer();
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);
        await File.WriteAllTextAsync(poll.OpmlPath, "<opml><body>");

        var result = await poll.RefreshAsync(server.Url("/old"));

        Assert.Equal((1, server.Url("/new").AbsoluteUri), (result.Added, result.Feed.Url));
        var error = Assert.Single(poll.Logged(LogLevel.Error, "Subscriptions: "));
        Assert.Equal((server.Url("/new"), server.Url("/old").AbsoluteUri), (error.Properties["NewUrl"], error.Properties["FeedUrl"]));
        Assert.Contains("not well-formed OPML", error.Properties["Error"] as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opml_file_another_process_holds_locked_is_logged_as_an_error_and_the_move_stands_in_the_store()
    {
        await using var server = await MovingServer();
        await using var poll = await PollHarness.CreateAsync([server.Url("/old")]);
        await using var locked = new FileStream(poll.OpmlPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var result = await poll.RefreshAsync(server.Url("/old"));

        Assert.Equal((1, server.Url("/new").AbsoluteUri), (result.Added, result.Feed.Url));
        Assert.Equal(server.Url("/new").AbsoluteUri, (await poll.Db.Feeds.ListAsync(CancellationToken.None)).Single().Url);
        var error = Assert.Single(poll.Logged(LogLevel.Error, "Subscriptions: "));
        Assert.Equal(server.Url("/new"), error.Properties["NewUrl"]);
    }

    private static Task<LocalHttpServer> MovingServer() => LocalHttpServer.StartAsync(routes =>
    {
        routes.MapGet("/old", () => Results.Redirect("/new", permanent: true));
        routes.MapGet("/new", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
    });
}
