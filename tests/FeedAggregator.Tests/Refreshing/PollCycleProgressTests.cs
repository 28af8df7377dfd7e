using System.Collections.Concurrent;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static FeedAggregator.Tests.Support.Measured;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>What a pass tells its caller: progress as it goes, its results in feed order, and, when stopped, what it stored.</summary>
public sealed class PollCycleProgressTests
{
    /// <summary>Keeps each report as it comes (a <see cref="Progress{T}"/> would post them elsewhere, out of order).</summary>
    private sealed class Reports(Action<PollProgress>? onReport = null) : IProgress<PollProgress>
    {
        public ConcurrentQueue<PollProgress> All { get; } = new();

        public void Report(PollProgress value)
        {
            All.Enqueue(value);
            onReport?.Invoke(value);
        }
    }

    private static Task Respond(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Progress_tells_the_due_feeds_first_then_each_feed_stored_with_the_failures_so_far_held_feeds_not_among_them()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/busy", context =>
            {
                context.Response.Headers.RetryAfter = "120";
                return Respond(context, 429);
            });
            routes.MapGet("/waits", context => Respond(context, 200));
            routes.MapGet("/ok/{n}", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
            routes.MapGet("/gone", context => Respond(context, 410));
        }, loopbackHosts: 2);
        // On the first host the 429 comes first and holds the other feed; the second host answers.
        await using var poll = await PollHarness.CreateAsync(
            [server.Url(0, "/busy"), server.Url(0, "/waits"), server.Url(1, "/ok/1"), server.Url(1, "/ok/2"), server.Url(1, "/gone")],
            o => o.MaxConcurrencyPerHost = 1);
        var reports = new Reports();

        var summary = await poll.Cycle.RunAsync(force: false, CancellationToken.None, progress: reports);

        var all = reports.All.ToArray();
        Assert.Equal(new PollProgress(5, 0, 0, null), all[0]);
        Assert.Equal([1, 2, 3, 4, 5], all.Skip(1).Select(r => r.Done));
        Assert.All(all.Skip(1), r => Assert.Equal(5, r.Total));
        Assert.All(all.Skip(1), r => Assert.Equal(
            all.Skip(1).TakeWhile(p => p.Done <= r.Done).Count(p => !p.Latest!.Held && p.Latest.Status is FeedStatus.Error or FeedStatus.Gone),
            r.Failed));
        Assert.Equal(2, all[^1].Failed);
        Assert.Equal((1, 2), (summary.Held, summary.Failed));
        Assert.Equal(summary.Results.Select(r => r.Feed.Id).Order(), all.Skip(1).Select(r => r.Latest!.Feed.Id).Order());
    }

    [Fact]
    public async Task A_pass_lists_its_results_in_feed_order()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed/{n}", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync(Enumerable.Range(1, 6).Select(n => server.Url($"/feed/{n}")));

        var summary = await poll.PollAsync();

        Assert.Equal(6, summary.Polled);
        Assert.Equal(summary.Results.Select(r => r.Feed.Id).Order(), summary.Results.Select(r => r.Feed.Id));
    }

    [Fact]
    public async Task A_stopped_pass_returns_what_it_stored_in_feed_order_and_gives_back_what_it_did_not_poll()
    {
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/fast/{n}", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
            routes.MapGet("/slow", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        });
        await using var poll = await PollHarness.CreateAsync(
            [server.Url("/slow"), server.Url("/fast/1"), server.Url("/fast/2"), server.Url("/fast/3")], o => o.MaxConcurrencyPerHost = 4);
        using var stop = new CancellationTokenSource();
        // Stopped (as by a signal) once the fast feeds are stored, while the slow one is still being fetched.
        var reports = new Reports(r =>
        {
            if (r.Done == 3)
                stop.Cancel();
        });

        var summary = await poll.Cycle.RunAsync(force: false, stop.Token, progress: reports);

        Assert.True(summary.Interrupted);
        Assert.Equal((4, 3), (summary.Due, summary.Polled));
        Assert.Equal(summary.Results.Select(r => r.Feed.Id).Order(), summary.Results.Select(r => r.Feed.Id));
        Assert.Empty(await poll.Db.Leases.ListHoldersAsync(poll.Time.GetUtcNow(), CancellationToken.None));
        var slow = await poll.FeedAsync(server.Url("/slow").AbsoluteUri);
        Assert.Equal(FeedStatus.New, slow.Status);
    }

    [Fact]
    public async Task A_pass_with_nothing_due_leaves_the_last_finished_pass_and_the_cycle_timings_as_they_were()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        using var cycles = Collect<double>(poll.Services, "feedagg.poll.cycle.duration");
        await poll.PollAsync();
        var last = poll.Cycle.Last;

        poll.Time.Advance(TimeSpan.FromMinutes(1));
        var idle = await poll.PollAsync();

        Assert.Equal(0, idle.Polled);
        Assert.NotNull(last);
        Assert.Same(last, poll.Cycle.Last);
        Assert.Single(cycles.GetMeasurementSnapshot());
    }
}
