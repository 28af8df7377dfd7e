using FeedAggregator.Worker.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// Runs a one-shot verb inside the same host (configuration, options, services) as the service,
/// without starting the web server or the scheduler. Configuration and storage failures become
/// a clear message and exit code 1.
/// </summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> configArgs, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = FeedAggHost.CreateBuilder(configArgs, quietConsole: true).Build();
            ValidateOptions(app.Services);
            return await verb(app.Services, cancellationToken);
        }
        catch (Exception ex) when (StartupError.Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"feedagg: {message}");
            return ExitCodes.CouldNotWork;
        }
    }

    /// <summary>Runs the start-time validation that the service gets from ValidateOnStart.</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        var validator = services.GetService<IStartupValidator>();
        validator?.Validate();
    }
}
