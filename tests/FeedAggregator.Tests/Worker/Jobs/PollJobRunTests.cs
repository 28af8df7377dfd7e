using FeedAggregator.Storage;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>One run of PollJob, called directly: the store's health before any fetch, and the heartbeat /health reads.</summary>
public sealed class PollJobRunTests
{
    [Fact]
    public async Task While_the_store_refuses_writes_a_run_fetches_nothing_and_says_why()
    {
        await using var host = await JobHost.CreateAsync(brokenStore: true);
        host.Folder.WriteOpml(host.A);
        host.Services.GetRequiredService<StoreHealth>().WriteFailed("the disk is full");

        await host.Create<PollJob>().Execute(JobHost.Context(), CancellationToken.None);

        var skipped = Assert.Single(host.Logged("Polling: skipped"));
        Assert.Equal(LogLevel.Warning, skipped.Level);
        Assert.Equal("the disk is full", skipped.Properties["StoreProblem"]);
        Assert.Empty(host.Logged("the store failed")); // nothing tried past the check
        Assert.Equal(0, host.Requests(host.A));
    }

    [Fact]
    public async Task Once_the_store_takes_writes_again_the_run_says_so_and_polls()
    {
        await using var host = await JobHost.CreateAsync();
        host.Folder.WriteOpml(host.A);
        host.Services.GetRequiredService<StoreHealth>().WriteFailed("the disk is full");

        await host.Create<PollJob>().Execute(JobHost.Context(), CancellationToken.None);

        Assert.Equal(LogLevel.Information, Assert.Single(host.Logged("Polling: the store takes writes again")).Level);
        Assert.Empty(host.Logged("Polling: skipped"));
        Assert.Equal(1, host.Requests(host.A));
        Assert.Single(host.Logged("1 feeds polled"));
    }

    [Fact]
    public async Task A_run_beats_the_heartbeat_when_it_starts_and_while_it_stores()
    {
        await using var host = await JobHost.CreateAsync();
        await host.SubscribeAsync(host.Slow);
        var heartbeat = host.Services.GetRequiredService<SchedulerHeartbeat>();
        var job = host.Create<PollJob>();
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var started = host.Time.GetUtcNow();

        var run = job.Execute(JobHost.Context(), CancellationToken.None).AsTask();
        await host.EventuallyAsync(() => host.Requests(host.Slow) == 1, "the slow fetch started");
        Assert.Equal(started, heartbeat.Last);

        host.Time.Advance(TimeSpan.FromMinutes(3));
        host.Release();
        await run;
        Assert.Equal(started.AddMinutes(3), heartbeat.Last);
        Assert.Single(host.Logged("1 feeds polled"));
    }
}
