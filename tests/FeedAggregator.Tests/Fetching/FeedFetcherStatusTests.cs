using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Fetching;

/// <summary>How each HTTP status becomes a FetchResult.</summary>
public sealed class FeedFetcherStatusTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_200_returns_the_exact_bytes_the_content_type_and_the_validators()
    {
        var document = Fixtures.Read("news.rss.xml");
        await using var server = await LocalHttpServer.StartAsync("/feed.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.Headers.ETag = "\"5e8-1a2b3c\"";
            context.Response.Headers.LastModified = "Sat, 01 Mar 2025 11:45:00 GMT";
            await context.Response.Body.WriteAsync(document);
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(document, result.Body);
        Assert.Equal("application/rss+xml; charset=utf-8", result.ContentType);
        Assert.Equal("\"5e8-1a2b3c\"", result.ETag);
        Assert.Equal("Sat, 01 Mar 2025 11:45:00 GMT", result.LastModified);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.PermanentUrl);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task A_200_keeps_a_legacy_charset_body_byte_for_byte_and_a_malformed_etag_verbatim()
    {
        var document = Fixtures.Read("cafe-latin1.atom.xml");
        await using var server = await LocalHttpServer.StartAsync("/atom", async context =>
        {
            context.Response.ContentType = "application/atom+xml; charset=ISO-8859-1";
            context.Response.Headers.ETag = "unquoted-etag-42"; // not RFC 9110, yet common
            await context.Response.Body.WriteAsync(document);
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/atom"));

        Assert.Equal(document, result.Body);
        Assert.Equal("application/atom+xml; charset=ISO-8859-1", result.ContentType);
        Assert.Equal("unquoted-etag-42", result.ETag);
        Assert.Null(result.LastModified);
    }

    [Fact]
    public async Task A_truncated_document_is_still_content_parsing_judges_it()
    {
        var document = Fixtures.Read("truncated.rss.xml");
        await using var server = await LocalHttpServer.StartAsync("/half", context => context.Response.Body.WriteAsync(document).AsTask());
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/half"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(document, result.Body);
        Assert.Null(result.ContentType);
    }

    [Fact]
    public async Task A_304_is_not_modified_and_keeps_the_request_validators()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = "\"something-else\"";
            return Task.CompletedTask;
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"), "\"v1\"", "Fri, 28 Feb 2025 16:20:00 GMT");

        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.Equal(304, result.StatusCode);
        Assert.Null(result.Body);
        Assert.Equal("\"v1\"", result.ETag);
        Assert.Equal("Fri, 28 Feb 2025 16:20:00 GMT", result.LastModified);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task A_410_is_gone()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", StatusOnly(StatusCodes.Status410Gone));
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Gone, result.Outcome);
        Assert.Equal(410, result.StatusCode);
        Assert.Equal("HTTP 410 Gone", result.Error);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    [InlineData(403, "HTTP 403 Forbidden")]
    [InlineData(204, "HTTP 204 No Content")]
    public async Task Other_statuses_fail_with_the_code_and_reason(int status, string error)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", StatusOnly(status));
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(error, result.Error);
        Assert.Null(result.Body);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task An_unmapped_path_fails_as_404()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", StatusOnly(200));
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/no-such-feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 404 Not Found", result.Error);
    }

    [Fact]
    public async Task A_429_with_retry_after_in_seconds_is_relative_to_the_time_provider()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", RetryLater(StatusCodes.Status429TooManyRequests, "120"));
        using var harness = new FetcherHarness(time: new FakeTimeProvider(Now));

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal("HTTP 429 Too Many Requests", result.Error);
        Assert.Equal(Now.AddSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task A_429_with_retry_after_as_an_http_date_is_that_date()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", RetryLater(StatusCodes.Status429TooManyRequests, "Sat, 01 Mar 2025 12:10:00 GMT"));
        using var harness = new FetcherHarness(time: new FakeTimeProvider(Now));

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 10, 0, TimeSpan.Zero), result.RetryAfter);
    }

    [Fact]
    public async Task A_503_with_retry_after_is_failed_with_the_retry_time()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", RetryLater(StatusCodes.Status503ServiceUnavailable, "3600"));
        using var harness = new FetcherHarness(time: new FakeTimeProvider(Now));

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal("HTTP 503 Service Unavailable", result.Error);
        Assert.Equal(Now.AddHours(1), result.RetryAfter);
    }

    [Theory]
    [InlineData("-30", null)]
    [InlineData("soon", null)]
    [InlineData("Fri, 28 Feb 2025 12:00:00 GMT", null)] // already past
    [InlineData("31536000", 7 * 24 * 3600)] // a year: capped at 7 days
    [InlineData("0", 0)]
    public async Task Absurd_retry_after_values_are_ignored_or_capped(string header, int? expectedSeconds)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", RetryLater(StatusCodes.Status429TooManyRequests, header));
        using var harness = new FetcherHarness(time: new FakeTimeProvider(Now));

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(expectedSeconds is { } seconds ? Now.AddSeconds(seconds) : null, result.RetryAfter);
    }

    [Fact]
    public async Task A_200_returns_every_link_header()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.Append("Link", "<https://hub.example/>; rel=\"hub\"");
            context.Response.Headers.Append("Link", "<https://site.example/feed>; rel=\"self\"");
            return context.Response.WriteAsync("<rss/>");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(["https://hub.example/"], LinkHeader.Targets(result.Links, "hub"));
        Assert.Equal(["https://site.example/feed"], LinkHeader.Targets(result.Links, "self"));
    }

    [Fact]
    public async Task An_empty_validator_is_no_validator()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.ETag = "";
            context.Response.Headers.LastModified = " ";
            return context.Response.WriteAsync("<rss/>");
        });
        using var harness = new FetcherHarness();

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Null(result.ETag);
        Assert.Null(result.LastModified);
    }

    [Theory]
    [InlineData(600, 600)]
    [InlineData(0, null)]
    [InlineData(-600, null)]
    public async Task Expires_is_read_against_the_servers_date_not_our_clock(int expiresAfterDateSeconds, int? lifetimeSeconds)
    {
        // The server's clock is an hour behind ours: its Date, not our time, is the base for Expires.
        var serverDate = Now.AddHours(-1);
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.Headers.Date = serverDate.ToString("R");
            context.Response.Headers.Expires = serverDate.AddSeconds(expiresAfterDateSeconds).ToString("R");
            return context.Response.WriteAsync("<rss/>");
        });
        using var harness = new FetcherHarness(time: new FakeTimeProvider(Now));

        var result = await harness.FetchAsync(server.Url("/feed"));

        Assert.Equal(lifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, result.CacheLifetime);
    }

    private static RequestDelegate StatusOnly(int status) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    private static RequestDelegate RetryLater(int status, string retryAfter) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfter;
        return context.Response.WriteAsync("Slow down, please.");
    };
}
