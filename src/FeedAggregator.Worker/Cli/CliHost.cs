using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Worker.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// Runs a one-shot verb in a plain host with the service's configuration, options and pipeline,
/// but no web server, scheduler, file watcher or logger thread. Configuration and storage failures become
/// a clear message and exit code 1.
/// </summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> configArgs, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        string? databasePath = null;
        try
        {
            var host = FeedAggHost.CreateCliHost(configArgs);
            await using var disposal = (IAsyncDisposable)host; // the store's services dispose asynchronously
            ValidateOptions(host.Services);
            databasePath = host.Services.GetService<SqliteConnectionFactory>()?.DatabasePath;
            return await verb(host.Services, cancellationToken);
        }
        catch (SqliteException ex) when (databasePath is not null)
        {
            // Name the file and what to do: SQLite's own message names neither.
            await Console.Error.WriteLineAsync($"feedagg: {StorageError.Describe(ex, databasePath)}");
            return ExitCodes.CouldNotWork;
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
