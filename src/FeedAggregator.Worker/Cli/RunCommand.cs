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
            await app.RunAsync();
            return ExitCodes.Done;
        }
        catch (Exception ex) when (StartupError.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"feedagg: could not start: {message}");
            return ExitCodes.CouldNotWork;
        }
    }

    /// <summary>The service, ready to start (also used by the integration tests).</summary>
    public static WebApplication Build(IReadOnlyList<string> configArgs)
    {
        var app = FeedAggHost.CreateBuilder(configArgs).Build();
        app.UseResponseCompression();
        app.MapHealthEndpoint();
        // A poll-only node (Roles=poll) answers /health and nothing else.
        if (app.Services.GetRequiredService<NodeRoles>().Serves)
        {
            app.MapFeedEndpoints();
            app.MapStatusEndpoint();
            app.MapBaselineEndpoint(app.Configuration);
        }
        return app;
    }
}
