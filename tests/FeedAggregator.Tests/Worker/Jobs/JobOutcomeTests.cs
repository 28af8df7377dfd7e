using FeedAggregator.Storage;
using FeedAggregator.Tests.WebSub;
using FeedAggregator.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// Every recurring job run directly as Quartz runs it: what it does, and that neither a store that
/// fails nor a shutdown escapes it (Quartz would log a bare exception and the operator would not
/// read what happened): each is logged with the stage's words, a failure as an error.
/// </summary>
public sealed class JobOutcomeTests
{
    // WebSub does nothing without a callback base, so the WebSub job needs an explicit base URL to reach the store.
    private static readonly string[] WithCallbackBase = ["--Publishing:BaseUrl=http://127.0.0.1:9/"];

    public static TheoryData<string, string> StoreFailures => new()
    {
        { nameof(PollJob), "Polling: the store failed; the next run tries again" },
        { nameof(PublishJob), "Publishing: the store failed; serving the last rendering" },
        { nameof(RetentionJob), "Retention: the store failed; the next run tries again" },
        { nameof(SubscriptionSyncJob), "Subscriptions: the store failed; the next run tries again" },
        { nameof(WebSubJob), "WebSub: the store failed; the next run tries again" },
    };

    public static TheoryData<string, string> Shutdowns => new()
    {
        { nameof(PollJob), "Polling: stopped by shutdown" },
        { nameof(PublishJob), "Publishing: stopped by shutdown" },
        { nameof(RetentionJob), "Retention: stopped by shutdown" },
        { nameof(SubscriptionSyncJob), "Subscriptions: stopped by shutdown" },
        { nameof(WebSubJob), "WebSub: stopped by shutdown" },
    };

    [Theory]
    [MemberData(nameof(StoreFailures))]
    public async Task A_store_that_fails_is_logged_as_an_error_and_does_not_escape_the_job(string job, string message)
    {
        await using var host = await JobHost.CreateAsync(brokenStore: true, WithCallbackBase);
        host.Folder.WriteOpml(host.A);

        await Job(host, job).Execute(JobHost.Context(), CancellationToken.None);

        var failure = Assert.Single(host.Logged("the store failed"));
        Assert.Equal(message, failure.Message);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(failure.Exception);
    }

    [Theory]
    [MemberData(nameof(Shutdowns))]
    public async Task A_shutdown_during_a_run_is_logged_and_does_not_escape_the_job(string job, string message)
    {
        await using var host = await JobHost.CreateAsync(brokenStore: false, WithCallbackBase);
        await host.SubscribeAsync(host.A);
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();

        await Job(host, job).Execute(JobHost.Context(), shutdown.Token);

        var stopped = Assert.Single(host.Logged("stopped by shutdown"));
        Assert.Equal(message, stopped.Message);
        Assert.Equal(LogLevel.Information, stopped.Level);
        Assert.Equal(0, host.Requests(host.A));
    }

    [Fact]
    public async Task The_subscription_sync_job_applies_the_opml_file_to_the_store()
    {
        await using var host = await JobHost.CreateAsync();
        host.Folder.WriteOpml(host.A, host.B);

        await host.Create<SubscriptionSyncJob>().Execute(JobHost.Context(), CancellationToken.None);

        var feeds = await host.Services.GetRequiredService<IFeedStore>().ListAsync(CancellationToken.None);
        Assert.Equal([host.A.Url, host.B.Url], feeds.Select(f => f.Url).Order(StringComparer.Ordinal));
        Assert.Equal(0, host.Requests(host.A)); // syncing is not polling
    }

    [Fact]
    public async Task The_websub_job_subscribes_a_feed_that_names_a_hub()
    {
        await using var hub = await LocalHub.StartAsync();
        await using var service = await WebSubService.StartAsync(hub);
        await service.PollAsync();
        Assert.Empty(hub.Requests);

        await ActivatorUtilities.CreateInstance<WebSubJob>(service.Get<IServiceProvider>()).Execute(JobHost.Context(), CancellationToken.None);

        var request = Assert.Single(hub.Requests);
        Assert.Equal("subscribe", request.Mode);
        Assert.Single(await service.SubscriptionsAsync());
    }

    private static IJob Job(JobHost host, string name) => name switch
    {
        nameof(PollJob) => host.Create<PollJob>(),
        nameof(PublishJob) => host.Create<PublishJob>(),
        nameof(RetentionJob) => host.Create<RetentionJob>(),
        nameof(SubscriptionSyncJob) => host.Create<SubscriptionSyncJob>(),
        nameof(WebSubJob) => host.Create<WebSubJob>(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a job"),
    };
}
