using System.CommandLine;
using FeedAggregator.Worker.Hosting;
using FeedAggregator.Worker.Http;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg run</c>: the service (the default verb).</summary>
internal static class RunCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var command = new Command("run", "Run the service: poll on schedule, serve the merged feed (the default).")
        {
        };
        command.SetAction((_, cancellationToken) => ExecuteAsync(configArgs, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(IReadOnlyList<string> configArgs, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = Build(configArgs);
            app.Lifetime.ApplicationStarted.Register(StartupProfile.Stop);
            await app.RunAsync();
            return ExitCodes.Done;
        }
        catch (Exception ex) when (StartupError.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"feedagg: could not start: {message}");
            return ExitCodes.CouldNotWork;
        }
    }

    /// <summary>The service, ready to start (also used by the integration tests, which may replace services such as the clock).</summary>
    public static WebApplication Build(IReadOnlyList<string> configArgs, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = FeedAggHost.CreateBuilder(configArgs);
        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseStartupGate();
        app.UseResponseCompression();
        app.UseRateLimiter();
        app.MapHealthEndpoint();
        app.MapMetricsEndpoint();
        // A poll-only node (Roles=poll) answers /health, /metrics and WebSub callbacks (pushes
        // are stored by whichever node receives them), and nothing else.
        app.MapWebSubEndpoint();
        if (app.Services.GetRequiredService<NodeRoles>().Serves)
        {
            app.MapFeedEndpoints();
            app.MapStatusEndpoint();
            app.MapBaselineEndpoint(app.Configuration);
        }
        return app;
    }
}
