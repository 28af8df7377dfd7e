using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Headers, per-host and global concurrency, and the gap between requests to one host.</summary>
public sealed class PollCyclePolitenessTests
{
    [Fact]
    public async Task Every_request_names_the_product_asks_for_feed_types_and_compression()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        await poll.PollAsync();

        var request = Assert.Single(server.Requests);
        Assert.Matches(@"^FeedAggregator/\d+\.\d+\.\d+ \(\+https://", request.Header("User-Agent"));
        Assert.Contains("application/rss+xml", request.Header("Accept"));
        Assert.Contains("application/atom+xml", request.Header("Accept"));
        Assert.Contains("application/feed+json", request.Header("Accept"));
        var encodings = request.Header("Accept-Encoding")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string> { "gzip", "deflate", "br" }, encodings.ToHashSet());
    }

    [Theory]
    [InlineData(2, 8, 2)]
    [InlineData(4, 3, 3)]
    public async Task No_more_requests_at_once_than_the_host_and_global_limits(int perHost, int global, int expectedPeak)
    {
        var inFlight = 0;
        var peak = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(routes => routes.MapGet("/feed/{n}", async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (now >= expectedPeak)
                release.TrySetResult();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10)); // a safety net, not a timing assert
            Interlocked.Decrement(ref inFlight);
            await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        }));
        await using var poll = await PollHarness.CreateAsync(
            Enumerable.Range(1, 8).Select(n => server.Url($"/feed/{n}")),
            o => (o.MaxConcurrencyPerHost, o.MaxConcurrency) = (perHost, global));

        var summary = await poll.PollAsync();

        Assert.Equal(8, server.Requests.Count);
        Assert.Equal(8, summary.Polled);
        Assert.Equal(expectedPeak, peak);
    }

    [Fact]
    public void Requests_to_one_host_start_at_least_the_gap_apart_and_no_more_than_its_slots_at_once()
    {
        var start = PollHarness.Start;
        var gate = new HostGate(concurrency: 2, minGap: TimeSpan.FromSeconds(1));

        Assert.True(gate.TryEnter(start, out _));
        Assert.False(gate.TryEnter(start.AddMilliseconds(999), out var retryAt));
        Assert.Equal(start.AddSeconds(1), retryAt);
        Assert.True(gate.TryEnter(start.AddSeconds(1), out _));
        Assert.False(gate.TryEnter(start.AddSeconds(5), out retryAt));
        Assert.Null(retryAt); // both slots taken: wait for a request to end
        gate.Exit();
        Assert.True(gate.TryEnter(start.AddSeconds(5), out _));
        Assert.Equal(start.AddSeconds(6), gate.NextStart);
    }

    [Fact]
    public void A_gate_taken_over_from_another_poller_waits_for_that_pollers_gap_and_hold()
    {
        var start = PollHarness.Start;
        var gate = new HostGate(1, TimeSpan.FromSeconds(1), nextStart: start.AddMilliseconds(400), heldUntil: start.AddMinutes(-1));

        Assert.Null(gate.HeldUntil(start)); // a hold that has passed holds nothing
        Assert.False(gate.TryEnter(start, out var retryAt));
        Assert.Equal(start.AddMilliseconds(400), retryAt);
        Assert.True(gate.TryEnter(start.AddMilliseconds(400), out _));
    }

    [Fact]
    public void A_held_gate_reports_its_hold_until_it_passes()
    {
        var start = PollHarness.Start;
        var gate = new HostGate(1, TimeSpan.Zero);
        gate.Holds(start.AddMinutes(5));
        gate.Holds(start.AddMinutes(1)); // an earlier hold does not shorten it

        Assert.Equal(start.AddMinutes(5), gate.HeldUntil(start));
        Assert.Null(gate.HeldUntil(start.AddMinutes(5)));
        Assert.Equal(start.AddMinutes(5), gate.Hold);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
