using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static FeedAggregator.Tests.Support.Measured;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Each poll outcome, article change and fetch measurement means what the README says, seen through a real poll.</summary>
public sealed class PollMetricsTests
{
    [Fact]
    public async Task A_304_counts_as_not_modified_and_a_new_document_as_new()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.Body.WriteAsync(Feeds.Rss("a", "b"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        using var polls = Collect<long>(poll.Services, "feedagg.polls");
        using var articles = Collect<long>(poll.Services, "feedagg.articles");

        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(polls, ("outcome", "new")));
        Assert.Equal(2, Sum(articles, ("change", "new")));

        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(polls, ("outcome", "not_modified")));
        Assert.Equal(2, Sum(polls));
        Assert.Equal(2, Sum(articles)); // nothing stored, nothing counted
    }

    [Fact]
    public async Task The_same_body_again_is_unchanged_body_and_entries_seen_before_are_unchanged_articles()
    {
        var body = Feeds.Rss("a", "b");
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        using var polls = Collect<long>(poll.Services, "feedagg.polls");
        using var articles = Collect<long>(poll.Services, "feedagg.articles");

        await poll.PollAsync(force: true);
        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(polls, ("outcome", "unchanged_body")));

        body = Feeds.Rss("a", "b", "c");
        await poll.PollAsync(force: true);
        Assert.Equal(3, Sum(articles, ("change", "new")));
        Assert.Equal(2, Sum(articles, ("change", "unchanged")));
    }

    [Theory]
    [InlineData("/missing", 404, "http_4xx")]
    [InlineData("/broken", 500, "http_5xx")]
    public async Task An_http_error_counts_as_an_error_of_its_status_class(string path, int status, string errorClass)
    {
        await using var server = await LocalHttpServer.StartAsync(path, context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await using var poll = await PollHarness.CreateAsync([server.Url(path)]);
        using var polls = Collect<long>(poll.Services, "feedagg.polls");

        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(polls, ("outcome", "error"), ("error", errorClass)));
        Assert.Equal(1, Sum(polls));
    }

    [Fact]
    public async Task A_410_is_gone_and_a_document_that_is_no_feed_is_a_parse_error_by_format()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/gone", context =>
            {
                context.Response.StatusCode = 410;
                return Task.CompletedTask;
            });
            routes.MapGet("/json", context => context.Response.WriteAsync("[1, 2, 3]"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/gone"), server.Url("/json")]);
        using var polls = Collect<long>(poll.Services, "feedagg.polls");
        using var parseErrors = Collect<long>(poll.Services, "feedagg.parse.errors");

        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(polls, ("outcome", "gone")));
        Assert.Equal(1, Sum(polls, ("outcome", "error"), ("error", "parse")));
        Assert.Equal(1, Sum(parseErrors, ("format", "json")));
    }

    [Fact]
    public async Task A_retry_after_holds_the_host_once_and_its_other_feeds_count_as_held()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/busy", context =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            });
            routes.MapGet("/other", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        });
        // One request at a time to the host: the 429 comes first, the other feed waits and is held.
        await using var poll = await PollHarness.CreateAsync([server.Url("/busy"), server.Url("/other")], o => o.MaxConcurrencyPerHost = 1);
        using var polls = Collect<long>(poll.Services, "feedagg.polls");
        using var holds = Collect<long>(poll.Services, "feedagg.host.holds");

        await poll.PollAsync(force: true);
        Assert.Equal(1, Sum(holds));
        Assert.Equal(1, Sum(polls, ("outcome", "error"), ("error", "http_4xx")));
        Assert.Equal(1, Sum(polls, ("outcome", "held")));
    }

    [Fact]
    public async Task An_article_another_feed_carries_too_is_new_and_merged()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            // Same guid and link in both feeds: the second one joins the first one's story.
            routes.MapGet("/one", context => context.Response.Body.WriteAsync(Feeds.Rss("shared")).AsTask());
            routes.MapGet("/two", context => context.Response.Body.WriteAsync(Feeds.Rss("shared")).AsTask());
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/one"), server.Url("/two")]);
        using var articles = Collect<long>(poll.Services, "feedagg.articles");

        await poll.PollAsync(force: true);
        Assert.Equal(2, Sum(articles, ("change", "new")));
        Assert.Equal(1, Sum(articles, ("change", "merged")));
    }

    [Fact]
    public async Task Fetches_are_timed_by_outcome_and_bodies_measured_and_a_cycle_is_timed_once()
    {
        var body = Feeds.Rss("a");
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(body).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        using var durations = Collect<double>(poll.Services, "feedagg.fetch.duration");
        using var sizes = Collect<long>(poll.Services, "feedagg.fetch.body.size");
        using var cycles = Collect<double>(poll.Services, "feedagg.poll.cycle.duration");

        await poll.PollAsync(force: true);
        Assert.Equal("content", Assert.Single(durations.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Equal(body.Length, Assert.Single(sizes.GetMeasurementSnapshot()).Value);
        Assert.Single(cycles.GetMeasurementSnapshot());
        Assert.NotNull(poll.Cycle.Last);
        Assert.Equal(1, poll.Cycle.Last!.Polled);
    }

    [Fact]
    public void The_poll_instruments_carry_the_units_their_metrics_names_end_with_and_a_help_text()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<PollMetrics>().BuildServiceProvider();
        services.GetRequiredService<PollMetrics>();

        var instruments = new Gauges(services).Instruments();

        Assert.Equal(
            [("feedagg.host.holds", "{hold}"), ("feedagg.poll.cycle.duration", "s"), ("feedagg.polls", "{poll}")],
            instruments.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => (i.Key, i.Value.Unit)));
        Assert.All(instruments.Values, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
    }
}
