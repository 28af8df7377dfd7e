using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// The web server listens while the service is still starting (<see cref="StartupTasks"/>:
/// migrations, subscriptions, seeds, the first rendering; then the scheduler), so that its own
/// start and the routing of the first requests overlap that work. A request arriving meanwhile
/// waits here until the host has started, so it is answered as by a started service (/health
/// sees the scheduler running); after <see cref="MaxWait"/> (a long migration) it is told to come
/// back: 503 with Retry-After. A failed start stops the service, and with it the waiting requests.
/// </summary>
internal static class StartupGate
{
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    internal const int RetryAfterSeconds = 5;

    /// <summary>First in the pipeline after routing, which is built while the request waits.</summary>
    public static WebApplication UseStartupGate(this WebApplication app)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (http, next) =>
        {
            if (!started.Task.IsCompleted && !await WaitAsync(started.Task, time, http.RequestAborted))
            {
                if (http.RequestAborted.IsCancellationRequested)
                    return;
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.WriteAsync("The service is starting. Try again shortly.\n", http.RequestAborted);
                return;
            }

            await next(http);
        });
        return app;
    }

    /// <summary>True when the service started within <see cref="MaxWait"/>.</summary>
    private static async Task<bool> WaitAsync(Task started, TimeProvider time, CancellationToken aborted)
    {
        try
        {
            await started.WaitAsync(MaxWait, time, aborted);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Still starting, or the client gave up.
        }

        return started.IsCompleted;
    }
}
