using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Autodiscovery from an HTML page, and OPML edits picked up by the next sync.</summary>
public sealed class PollCycleDiscoveryTests
{
    private const string Page = """
        <!DOCTYPE html><html><head><title>Blog</title>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="text/html" href="/other.html">
        <link rel="alternate" type="application/atom+xml" title="Atom" href="/feeds/main.xml">
        <link rel="alternate" type="application/rss+xml" href="/feeds/second.xml">
        </head><body>Hello</body></html>
        """;

    [Fact]
    public async Task An_html_page_is_searched_for_its_first_feed_link_which_is_recorded_and_polled_from_then_on()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/blog", () => Results.Content(Page, "text/html; charset=utf-8"));
            routes.MapGet("/feeds/main.xml", context => context.Response.Body.WriteAsync(Feeds.Rss("a", "b")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/blog")]);

        var first = await poll.PollAsync();
        await poll.PollAsync(force: true);

        Assert.Single(server.RequestsTo("/blog"));
        Assert.Equal(2, server.RequestsTo("/feeds/main.xml").Count);
        Assert.Empty(server.RequestsTo("/feeds/second.xml"));
        Assert.Equal(2, first.Added);
        var feed = await poll.FeedAsync(server.Url("/blog").AbsoluteUri);
        Assert.Equal(server.Url("/feeds/main.xml").AbsoluteUri, feed.DiscoveredUrl);
        Assert.Equal(FeedStatus.Ok, feed.Status);
    }

    [Fact]
    public async Task An_html_page_without_a_feed_link_is_a_clear_error()
    {
        await using var server = await LocalHttpServer.StartAsync(routes => routes.MapGet("/blog", () => Results.Content("<html><body>no feed</body></html>", "text/html")));
        await using var poll = await PollHarness.CreateAsync([server.Url("/blog")]);

        await poll.PollAsync();

        var feed = await poll.FeedAsync(server.Url("/blog").AbsoluteUri);
        Assert.Equal(FeedStatus.Error, feed.Status);
        Assert.Contains("no feed link", feed.LastError);
    }

    [Fact]
    public async Task Editing_the_opml_adds_removes_and_retitles_at_the_next_sync()
    {
        await using var poll = await PollHarness.CreateAsync([new Uri("http://a.test/feed"), new Uri("http://b.test/feed")]);

        poll.WriteOpml([new Subscription("http://a.test/feed", "A renamed"), new Subscription("http://c.test/feed")]);
        var changes = await poll.Sync.SyncAsync(CancellationToken.None);

        Assert.Equal(new(1, 1, 1), changes);
        var feeds = await poll.Db.Feeds.ListAsync(CancellationToken.None);
        Assert.Equal(["http://a.test/feed", "http://c.test/feed"], feeds.Select(f => f.Url).Order());
        Assert.Equal("A renamed", feeds.Single(f => f.Url == "http://a.test/feed").Title);
    }
}
