using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FeedAggregator.Tests.Fetching;

/// <summary>Redirects, followed by hand: permanent moves, temporary ones, loops and limits.</summary>
public sealed class FeedFetcherRedirectTests
{
    [Fact]
    public async Task A_chain_of_301_and_308_sets_the_permanent_url()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/old", 301, "/moved");
            Redirect(routes, "/moved", 308, "/final.xml");
            MapFeed(routes, "/final.xml");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/old"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(server.Url("/final.xml"), result.FinalUrl);
        Assert.Equal(server.Url("/final.xml"), result.PermanentUrl);
        Assert.Equal(["/old", "/moved", "/final.xml"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_302_follows_without_a_permanent_url()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/feed", 302, "/feed-today.xml");
            MapFeed(routes, "/feed-today.xml");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(server.Url("/feed-today.xml"), result.FinalUrl);
        Assert.Null(result.PermanentUrl);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    public async Task One_temporary_hop_among_permanent_ones_means_no_permanent_url(int temporary)
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/a", 301, "/b");
            Redirect(routes, "/b", temporary, "/c");
            Redirect(routes, "/c", 308, "/feed.xml");
            MapFeed(routes, "/feed.xml");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/a"));

        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.PermanentUrl);
    }

    [Fact]
    public async Task A_permanent_move_to_a_not_modified_feed_still_reports_the_new_url()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/rss.php", 301, "/feed/");
            routes.MapGet("/feed/", context =>
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            });
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/rss.php"), "\"v3\"");

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.Equal(server.Url("/feed/"), result.PermanentUrl);
    }

    [Fact]
    public async Task Relative_locations_resolve_against_the_current_url()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/blog/posts/rss", 301, "../feed.xml?format=rss");
            MapFeed(routes, "/blog/feed.xml");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/blog/posts/rss"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(server.Url("/blog/feed.xml?format=rss"), result.FinalUrl);
        Assert.Equal("?format=rss", server.RequestsTo("/blog/feed.xml").Single().QueryString);
    }

    [Fact]
    public async Task A_loop_fails_and_names_the_hops()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            Redirect(routes, "/ping", 302, "/pong");
            Redirect(routes, "/pong", 302, "/ping");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/ping"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal($"redirect loop: {server.Url("/ping")} -> {server.Url("/pong")} -> {server.Url("/ping")}", result.Error);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Six_hops_are_too_many()
    {
        await using var server = await LocalHttpServer.StartAsync(MapHops);
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/hop/1"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("too many redirects (more than 5)", result.Error);
        Assert.Equal(302, result.StatusCode);
        Assert.Empty(server.RequestsTo("/hop/7"));
    }

    [Fact]
    public async Task Five_hops_are_fine()
    {
        await using var server = await LocalHttpServer.StartAsync(MapHops);
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/hop/2"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(server.Url("/hop/7"), result.FinalUrl);
    }

    [Fact]
    public async Task The_redirect_limit_is_configurable()
    {
        await using var server = await LocalHttpServer.StartAsync(MapHops);
        using var harness = new FetcherHarness(o => o.MaxRedirects = 0);

        var result = await harness.FetchAsync(server.Url("/hop/6"));

        Assert.Equal("too many redirects (more than 0)", result.Error);
    }

    [Fact]
    public async Task An_ftp_url_is_refused_without_a_request()
    {
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(new Uri("ftp://ftp.example.org/pub/feed.xml"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("unsupported scheme ftp", result.Error);
        Assert.Null(result.StatusCode);
        Assert.Equal(new Uri("ftp://ftp.example.org/pub/feed.xml"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        await using var server = await LocalHttpServer.StartAsync(routes => Redirect(routes, "/feed", 301, "file:///etc/passwd"));
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("unsupported scheme file (redirected to file:///etc/passwd)", result.Error);
        Assert.Equal(server.Url("/feed"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_without_location_fails()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            return Task.CompletedTask;
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 301 redirect without a Location header", result.Error);
    }

    private static void MapHops(IEndpointRouteBuilder routes) =>
        routes.MapGet("/hop/{n:int}", (HttpContext context, int n) =>
        {
            if (n >= 7)
            {
                return context.Response.WriteAsync("<rss version=\"2.0\"><channel/></rss>");
            }

            context.Response.Redirect($"/hop/{n + 1}");
            return Task.CompletedTask;
        });

    private static void Redirect(IEndpointRouteBuilder routes, string path, int status, string location) =>
        routes.MapGet(path, context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    private static void MapFeed(IEndpointRouteBuilder routes, string path) =>
        routes.MapGet(path, context => context.Response.WriteAsync("<rss version=\"2.0\"><channel/></rss>"));
}
