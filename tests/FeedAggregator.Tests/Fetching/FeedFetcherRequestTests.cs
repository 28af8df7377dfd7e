using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Fetching;

/// <summary>What the fetcher sends, observed from the server's side.</summary>
public sealed class FeedFetcherRequestTests
{
    private static readonly RequestDelegate Ok = context => context.Response.WriteAsync("<rss/>");

    [Fact]
    public async Task Sends_the_default_user_agent_and_the_feed_accept_header()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness();

        await harness.FetchAsync(server.Url("/feed"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Matches(@"^FeedAggregator/\d+\.\d+\.\d+ \(\+https://github\.com/feedaggregator/feedaggregator\)$", request.Header("User-Agent"));
        Assert.StartsWith($"FeedAggregator/{typeof(FeedFetcher).Assembly.GetName().Version!.ToString(3)} ", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal(
            "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " +
            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
            request.Header("Accept"));
    }

    [Fact]
    public async Task Lets_the_handler_offer_gzip_deflate_and_brotli()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness();

        await harness.FetchAsync(server.Url("/feed"));

        var acceptEncoding = Assert.Single(server.Requests).Header("Accept-Encoding") ?? "";
        Assert.Contains("gzip", acceptEncoding, StringComparison.Ordinal);
        Assert.Contains("deflate", acceptEncoding, StringComparison.Ordinal);
        Assert.Contains("br", acceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_a_configured_user_agent()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness(o => o.UserAgent = "MyReader/2.0 (+mailto:ops@example.org)");

        await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal("MyReader/2.0 (+mailto:ops@example.org)", Assert.Single(server.Requests).Header("User-Agent"));
    }

    [Fact]
    public async Task Sends_the_validators_verbatim_as_conditional_headers()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness();

        // A weak ETag and a Last-Modified in a legacy format: both go back exactly as received.
        await harness.FetchAsync(server.Url("/feed"), "W/\"5e8-1a2b3c\"", "Saturday, 01-Mar-25 10:00:00 GMT");

        var request = Assert.Single(server.Requests);
        Assert.Equal("W/\"5e8-1a2b3c\"", request.Header("If-None-Match"));
        Assert.Equal("Saturday, 01-Mar-25 10:00:00 GMT", request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Sends_an_unquoted_etag_from_a_sloppy_server_unchanged()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness();

        await harness.FetchAsync(server.Url("/feed"), etag: "abc123");

        Assert.Equal("abc123", Assert.Single(server.Requests).Header("If-None-Match"));
    }

    [Fact]
    public async Task Sends_no_conditional_headers_on_a_first_fetch()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", Ok);
        using var harness = new FetcherHarness();

        await harness.FetchAsync(server.Url("/feed"));

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("If-None-Match"));
        Assert.Null(request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Sends_the_validators_again_on_every_redirect_hop_and_keeps_no_cookies()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/old", context =>
            {
                context.Response.Headers.SetCookie = "session=tracking-123; Path=/";
                context.Response.Redirect("/new", permanent: true);
                return Task.CompletedTask;
            });
            routes.MapGet("/new", context =>
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            });
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/old"), "\"v7\"", "Sat, 01 Mar 2025 10:00:00 GMT");

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        var hop = Assert.Single(server.RequestsTo("/new"));
        Assert.Equal("\"v7\"", hop.Header("If-None-Match"));
        Assert.Equal("Sat, 01 Mar 2025 10:00:00 GMT", hop.Header("If-Modified-Since"));
        Assert.Null(hop.Header("Cookie"));
    }

    [Fact]
    public async Task A_null_request_is_an_argument_error()
    {
        using var harness = new FetcherHarness();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Fetcher.FetchAsync(null!, CancellationToken.None));
        Assert.Equal("request", error.ParamName);
    }
}
