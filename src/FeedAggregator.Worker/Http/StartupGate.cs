using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// The web server listens while the store is still being prepared (<see cref="StartupTasks"/>:
/// migrations, subscriptions, seeds, the first rendering), so that its own start and the routing
/// of the first requests overlap that work. A request arriving meanwhile waits here until the store
/// is ready; after <see cref="MaxWait"/> (a long migration), or when the preparation failed (the
/// service is then stopping), it is told to come back: 503 with Retry-After.
/// </summary>
internal static class StartupGate
{
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    internal const int RetryAfterSeconds = 5;

    /// <summary>First in the pipeline after routing, which is built while the request waits.</summary>
    public static WebApplication UseStartupGate(this WebApplication app)
    {
        var ready = app.Services.GetRequiredService<StartupTasks>().Ready;
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (http, next) =>
        {
            if (!ready.IsCompletedSuccessfully && !await WaitAsync(ready, time, http.RequestAborted))
            {
                if (http.RequestAborted.IsCancellationRequested)
                    return;
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.WriteAsync("The service is starting: its store is being prepared. Try again shortly.\n", http.RequestAborted);
                return;
            }

            await next(http);
        });
        return app;
    }

    /// <summary>True when the store became ready within <see cref="MaxWait"/>.</summary>
    private static async Task<bool> WaitAsync(Task ready, TimeProvider time, CancellationToken aborted)
    {
        try
        {
            await ready.WaitAsync(MaxWait, time, aborted);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException || ready.IsFaulted)
        {
            // Still preparing, the client gave up, or the preparation failed (StartupTasks reports it).
        }

        return ready.IsCompletedSuccessfully;
    }
}
