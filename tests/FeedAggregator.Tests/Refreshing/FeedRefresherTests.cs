using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>One feed's poll through <see cref="FeedRefresher.RefreshAsync"/>: what each answer leaves on the feed's status, schedule and articles.</summary>
public sealed class FeedRefresherTests
{
    private static readonly DateTimeOffset Start = PollHarness.Start;

    [Fact]
    public async Task A_new_document_stores_its_articles_and_leaves_the_feed_ok_until_its_interval()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a", "b")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        using var articles = Measured.Collect<long>(poll.Services, "feedagg.articles");

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal((2, 0, "new"), (result.Added, result.Updated, result.Outcome!.Name));
        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal((FeedStatus.Ok, 200, Start, Start.AddMinutes(30)), (feed.Status, feed.LastHttpStatus, feed.LastSuccessAt, feed.NextPollAt));
        Assert.Equal(2, (await poll.Db.Articles.CountByFeedAsync(CancellationToken.None))[feed.Id]);
        Assert.Equal(2, Measured.Sum(articles, ("change", "new")));
        var stored = Assert.Single(poll.Logged(LogLevel.Information, "Refreshing: "));
        Assert.Equal(("Refreshing", 2, 2, 0), (stored.Properties["Stage"], stored.Properties["Entries"], stored.Properties["Added"], stored.Properties["Updated"]));
    }

    [Fact]
    public async Task Not_modified_is_a_success_that_takes_the_servers_cache_lifetime_else_keeps_the_feeds_hint()
    {
        var maxAge = true;
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.StatusCode = 304;
            if (maxAge)
                context.Response.Headers.CacheControl = "max-age=7200";
            return Task.CompletedTask;
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        static Feed WithHint(Feed f) => f with { Hint = TimeSpan.FromMinutes(45), ConsecutiveErrors = 2, LastError = "fetch: HTTP 500" };

        var fresh = await poll.RefreshAsync(server.Url("/feed"), WithHint);
        maxAge = false;
        var kept = await poll.RefreshAsync(server.Url("/feed"), WithHint);

        Assert.Equal("not_modified", fresh.Outcome!.Name);
        Assert.Equal((FeedStatus.Ok, 0, null, 304), (fresh.Status, fresh.Feed.ConsecutiveErrors, fresh.Error, fresh.Feed.LastHttpStatus));
        Assert.Equal((TimeSpan.FromHours(2), Start.AddHours(2)), (fresh.Feed.Hint, fresh.Feed.NextPollAt));
        Assert.Equal((TimeSpan.FromMinutes(45), Start.AddMinutes(45)), (kept.Feed.Hint, kept.Feed.NextPollAt));
        Assert.Equal(Start.AddMinutes(45), (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).NextPollAt);
    }

    [Fact]
    public async Task The_same_body_again_is_not_stored_again_and_takes_the_cache_lifetime_else_keeps_the_feeds_hint()
    {
        var maxAge = false;
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (maxAge)
                context.Response.Headers.CacheControl = "max-age=7200";
            await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        await poll.RefreshAsync(server.Url("/feed"));
        static Feed WithHint(Feed f) => f with { Hint = TimeSpan.FromMinutes(45) };

        maxAge = true;
        var fresh = await poll.RefreshAsync(server.Url("/feed"), WithHint);
        maxAge = false;
        var kept = await poll.RefreshAsync(server.Url("/feed"), WithHint);

        Assert.Equal(("unchanged_body", 0), (fresh.Outcome!.Name, fresh.Added));
        Assert.Equal((FeedStatus.Ok, TimeSpan.FromHours(2), Start.AddHours(2)), (fresh.Status, fresh.Feed.Hint, fresh.Feed.NextPollAt));
        Assert.Equal((TimeSpan.FromMinutes(45), Start.AddMinutes(45)), (kept.Feed.Hint, kept.Feed.NextPollAt));
    }

    [Fact]
    public async Task A_gone_feed_keeps_the_servers_status_line_is_not_scheduled_and_the_operator_is_warned()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.StatusCode = 410;
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = "Gone Away";
            return Task.CompletedTask;
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal("gone", result.Outcome!.Name);
        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal((FeedStatus.Gone, "HTTP 410 Gone Away", null, 410), (feed.Status, feed.LastError, feed.NextPollAt, feed.LastHttpStatus));
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Fetching: "));
        Assert.Equal((server.Url("/feed").AbsoluteUri, feed.Id), (warning.Properties["FeedUrl"], warning.Properties["FeedId"]));
        Assert.Contains("is gone (410)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found", "http_4xx")]
    [InlineData(500, "HTTP 500 Internal Server Error", "http_5xx")]
    public async Task A_failed_fetch_is_an_error_that_backs_off_from_the_start_of_the_poll(int status, string error, string errorClass)
    {
        PollHarness? harness = null;
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            harness!.Time.Advance(TimeSpan.FromSeconds(1)); // the request takes time
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await using var poll = harness = await PollHarness.CreateAsync([server.Url("/feed")]);
        var before = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal(("error", errorClass), (result.Outcome!.Name, result.Outcome.ErrorClass));
        var feed = await poll.FeedAsync(server.Url("/feed").AbsoluteUri);
        Assert.Equal((FeedStatus.Error, "fetch: " + error, 1, status, Start), (feed.Status, feed.LastError, feed.ConsecutiveErrors, feed.LastHttpStatus, feed.LastPolledAt));
        var schedule = poll.Services.GetRequiredService<PollSchedule>();
        Assert.Equal(schedule.AfterFailure(before, 1, Start, retryAfter: null), result.Feed.NextPollAt); // the store keeps milliseconds
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Refreshing: "));
        Assert.Equal((status, 1, "fetch: " + error), (warning.Properties["HttpStatus"], warning.Properties["ConsecutiveErrors"], warning.Properties["Error"]));
    }

    [Fact]
    public async Task An_address_that_is_not_absolute_is_an_error_without_a_request()
    {
        await using var poll = await PollHarness.CreateAsync([new Uri("http://feeds.test/feed")]);

        var result = await poll.RefreshAsync(new Uri("http://feeds.test/feed"), f => f with { Url = "feeds/local.xml" });

        Assert.Equal(("error", "invalid_url"), (result.Outcome!.Name, result.Outcome.ErrorClass));
        Assert.Equal((FeedStatus.Error, "not an absolute URL: feeds/local.xml", 1), (result.Status, result.Error, result.Feed.ConsecutiveErrors));
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Refreshing: "));
        Assert.False(warning.Properties.ContainsKey("HttpStatus"));
        Assert.Equal((1, "not an absolute URL: feeds/local.xml"), (warning.Properties["ConsecutiveErrors"], warning.Properties["Error"]));
    }

    [Fact]
    public async Task A_body_that_is_no_feed_is_a_parse_error_with_the_parsers_reason()
    {
        var body = "this is not a feed"u8.ToArray();
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal(("error", "parse"), (result.Outcome!.Name, result.Outcome.ErrorClass));
        var reason = FeedAggregator.Parsing.FeedParser.Default.Parse(body, server.Url("/feed")).Error;
        Assert.False(string.IsNullOrEmpty(reason));
        Assert.Equal((FeedStatus.Error, "parse: " + reason), (result.Status, result.Error));
        Assert.Equal("parse: " + reason, (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).LastError);
    }

    [Fact]
    public async Task An_html_page_without_a_feed_link_is_a_discovery_error_with_its_status()
    {
        await using var server = await LocalHttpServer.StartAsync("/blog", context => Results.Content("<html><body>no feed</body></html>", "text/html").ExecuteAsync(context));
        await using var poll = await PollHarness.CreateAsync([server.Url("/blog")]);

        var result = await poll.RefreshAsync(server.Url("/blog"));

        Assert.Equal(("error", "discovery"), (result.Outcome!.Name, result.Outcome.ErrorClass));
        Assert.Equal((FeedStatus.Error, "discovery: an HTML page with no feed link", 200), (result.Status, result.Error, result.Feed.LastHttpStatus));
    }

    [Fact]
    public async Task A_store_that_refuses_the_document_fails_the_refresh_with_its_error()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")], articles: inner => new RecordingArticleStore(inner) { RefuseDocuments = 1 });

        var error = await Assert.ThrowsAsync<SqliteException>(() => poll.RefreshAsync(server.Url("/feed")));

        Assert.Equal(13, error.SqliteErrorCode);
        Assert.Empty(await poll.Db.Articles.CountByFeedAsync(CancellationToken.None));
    }
}
