using System.CommandLine;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// <c>feedagg backup PATH</c> and <c>feedagg restore PATH</c>: a consistent copy of the SQLite
/// store while the service runs, and putting one back while it does not.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var path = new Argument<string>("PATH") { Description = "The file to write (replaced if it exists)." };
        var command = new Command("backup", "Copy the SQLite database while the service runs, and check the copy (integrity_check).") { path };
        command.SetAction((result, cancellationToken) => CliHost.RunAsync(configArgs, async (services, token) =>
        {
            if (NotSqlite(services) is { } refusal)
                return await RefuseAsync(refusal);
            var database = services.GetRequiredService<IOptions<StorageOptions>>().Value.Database;
            var target = Path.GetFullPath(result.GetValue(path)!);
            var copy = await SqliteBackup.BackupAsync(database, target, token);
            Console.WriteLine(
                $"backed up {database} to {target}: {copy.Bytes:N0} bytes, {copy.Feeds:N0} feeds, {copy.Articles:N0} articles, integrity_check ok");
            return ExitCodes.Done;
        }, cancellationToken));
        return command;
    }

    public static Command CreateRestore(IReadOnlyList<string> configArgs)
    {
        var path = new Argument<string>("PATH") { Description = "A copy made by feedagg backup." };
        var command = new Command("restore", "Replace the SQLite database with a backup (stop the service first).") { path };
        command.SetAction((result, cancellationToken) => CliHost.RunAsync(configArgs, async (services, token) =>
        {
            if (NotSqlite(services) is { } refusal)
                return await RefuseAsync(refusal);
            var database = services.GetRequiredService<IOptions<StorageOptions>>().Value.Database;
            using var held = Hosting.DatabaseLock.TryHoldExclusive(database);
            if (held is null)
            {
                return await RefuseAsync(
                    $"restore: {database} is in use by the service (or another feedagg process holds {Hosting.DatabaseLock.PathOf(database)}); " +
                    "stop it first (systemctl stop feedagg), then restore.");
            }

            var source = Path.GetFullPath(result.GetValue(path)!);
            var restored = await SqliteBackup.RestoreAsync(source, database, token);
            Console.WriteLine(
                $"restored {database} from {source}: {restored.Restored.Feeds:N0} feeds, {restored.Restored.Articles:N0} articles" +
                (restored.Previous is { } previous ? $"; the database it replaced is kept as {previous}" : ""));
            return ExitCodes.Done;
        }, cancellationToken));
        return command;
    }

    // The PostgreSQL store is backed up with its own tools: say so rather than copy a file that is not the store.
    private static string? NotSqlite(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["Storage:Provider"] is { Length: > 0 } provider
        && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? $"backup and restore copy the SQLite store; Storage:Provider is '{provider}': use its own tools (PostgreSQL: pg_dump and pg_restore, see the README)."
            : null;

    private static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync("feedagg: " + message);
        return ExitCodes.CouldNotWork;
    }
}
