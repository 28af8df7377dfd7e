using System.Reflection;
using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// The service's services as <c>feedagg run</c> builds them (RunCommand.Build), not started, on a
/// fake clock, for running one job or loop directly: /a.rss and /b.json (two items each) on a
/// loopback origin, /slow.rss that answers only when <see cref="Release"/> is called, and a
/// store that is either prepared or, with <c>brokenStore</c>, a file that is not a database.
/// </summary>
internal sealed class JobHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly TaskCompletionSource _slow;
    private WebApplication _app = null!;

    private JobHost(TaskCompletionSource slow, LocalHttpServer origin) => (_slow, Origin) = (slow, origin);

    public LocalHttpServer Origin { get; }
    public ScratchFolder Folder { get; } = new();
    public FakeTimeProvider Time { get; } = new(Start);
    public CapturingLoggerProvider Logs { get; } = new();
    public IServiceProvider Services => _app.Services;
    public Subscription A => JobFeeds.A(Origin);
    public Subscription B => JobFeeds.B(Origin);
    public Subscription Slow => new(Origin.Url("/slow.rss").AbsoluteUri, "Slow feed");

    public static async Task<JobHost> CreateAsync(bool brokenStore = false, params string[] settings)
    {
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = new JobHost(slow, await JobFeeds.StartOriginAsync(routes => routes.MapGet("/slow.rss", async () =>
        {
            await slow.Task;
            return Results.File(TestFiles.Path("Worker", "tech.rss"), "application/rss+xml");
        })));
        if (brokenStore)
            File.WriteAllText(host.Folder.Database, string.Concat(Enumerable.Repeat("This file is not a database. ", 200)));
        host._app = RunCommand.Build(
            [
                .. host.Folder.Args,
                "--Polling:MinHostGap=00:00:00", "--Polling:MinInterval=00:30:00", "--Polling:MaxInterval=00:30:00",
                .. settings,
            ],
            services =>
            {
                services.AddSingleton<TimeProvider>(host.Time);
                services.AddSingleton<ILoggerProvider>(host.Logs);
            });
        if (!brokenStore)
            await host.Services.GetRequiredService<StartupTasks>().PrepareStoreAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Writes the OPML file and applies it to the store, as a run of the sync does.</summary>
    public async Task SubscribeAsync(params Subscription[] feeds)
    {
        Folder.WriteOpml(feeds);
        await Services.GetRequiredService<SubscriptionSync>().SyncAsync(CancellationToken.None);
    }

    public T Create<T>(params object[] arguments) => ActivatorUtilities.CreateInstance<T>(Services, arguments);

    public int Requests(Subscription feed) => JobFeeds.Requests(Origin, feed);

    /// <summary>Lets /slow.rss answer.</summary>
    public void Release() => _slow.TrySetResult();

    public IReadOnlyList<CapturedLog> Logged(string text) =>
        [.. Logs.Entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal))];

    /// <summary>Waits (up to 30 s of real time, for a loaded machine; the fake clock still) for <paramref name="condition"/>.</summary>
    public Task EventuallyAsync(Func<bool> condition, string what) => AdvanceUntilAsync(condition, TimeSpan.Zero, 0, what);

    /// <summary>Moves the fake clock on by <paramref name="step"/> until <paramref name="condition"/> holds, a second of real time between steps.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, int steps, string what) =>
        JobFeeds.AdvanceUntilAsync(Time, () => Task.FromResult(condition()), step, steps, TimeSpan.FromSeconds(1), what);

    /// <summary>A Quartz context for a job run directly: the first fire of its trigger unless <paramref name="previousFire"/> is given.</summary>
    public static IJobExecutionContext Context(DateTimeOffset? previousFire = null)
    {
        var context = DispatchProxy.Create<IJobExecutionContext, ContextProxy>();
        ((ContextProxy)(object)context).PreviousFire = previousFire;
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
        await Origin.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>Answers PreviousFireTimeUtc; every other member of the context is the default (no job reads them).</summary>
    public class ContextProxy : DispatchProxy
    {
        public DateTimeOffset? PreviousFire { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == $"get_{nameof(IJobExecutionContext.PreviousFireTimeUtc)}" ? PreviousFire
            : targetMethod?.ReturnType is { IsValueType: true } type && type != typeof(void) ? Activator.CreateInstance(type)
            : null;
    }
}
