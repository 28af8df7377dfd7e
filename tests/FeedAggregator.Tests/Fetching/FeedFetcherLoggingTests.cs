using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Fetching;

/// <summary>Each fetch is logged with FeedUrl and StatusCode; failures with their error; bodies never.</summary>
public sealed class FeedFetcherLoggingTests
{
    private const string Secret = "body-text-that-must-never-be-logged";

    [Fact]
    public async Task A_successful_fetch_logs_at_debug_with_the_feed_url_and_status()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.WriteAsync($"<rss><!-- {Secret} --></rss>"));
        using var logs = new CapturingLoggerProvider();
        using var harness = new FetcherHarness(logs: logs);

        await harness.FetchAsync(server.Url("/feed"));

        var fetched = Assert.Single(FetcherLogs(logs), e => e.Properties.ContainsKey("StatusCode"));
        Assert.Equal(LogLevel.Debug, fetched.Level);
        Assert.Equal(server.Url("/feed"), fetched.Properties["FeedUrl"]);
        Assert.Equal(200, fetched.Properties["StatusCode"]);
        Assert.Equal($"<rss><!-- {Secret} --></rss>".Length, fetched.Properties["BodyBytes"]);
        Assert.DoesNotContain(FetcherLogs(logs), e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_fetch_logs_a_warning_with_the_feed_url_status_and_error()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/old", context =>
            {
                context.Response.Redirect("/missing");
                return Task.CompletedTask;
            });
            routes.MapGet("/missing", context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return context.Response.WriteAsync(Secret);
            });
        });
        using var logs = new CapturingLoggerProvider();
        using var harness = new FetcherHarness(logs: logs);

        await harness.FetchAsync(server.Url("/old"));

        var warning = Assert.Single(FetcherLogs(logs), e => e.Properties.ContainsKey("Error"));
        Assert.Equal(server.Url("/old"), warning.Properties["FeedUrl"]);
        Assert.Equal(404, warning.Properties["StatusCode"]);
        Assert.Equal("HTTP 404 Not Found", warning.Properties["Error"]);
        Assert.Contains(FetcherLogs(logs), e => e.Level == LogLevel.Debug && e.Properties.TryGetValue("StatusCode", out var status) && Equals(status, 302));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"v1\"", null, true, false)]
    [InlineData(null, "Sat, 01 Mar 2025 11:45:00 GMT", false, true)]
    public async Task The_start_of_a_fetch_logs_which_validators_are_sent(string? etag, string? lastModified, bool hasETag, bool hasLastModified)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.WriteAsync("<rss/>"));
        using var logs = new CapturingLoggerProvider();
        using var harness = new FetcherHarness(logs: logs);

        await harness.FetchAsync(server.Url("/feed"), etag, lastModified);

        var fetching = Assert.Single(FetcherLogs(logs), e => e.Properties.ContainsKey("HasETag"));
        Assert.Equal(LogLevel.Debug, fetching.Level);
        Assert.Equal(server.Url("/feed"), fetching.Properties["FeedUrl"]);
        Assert.Equal(hasETag, fetching.Properties["HasETag"]);
        Assert.Equal(hasLastModified, fetching.Properties["HasLastModified"]);
    }

    private static IEnumerable<CapturedLog> FetcherLogs(CapturingLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category == typeof(FeedFetcher).FullName);
}
