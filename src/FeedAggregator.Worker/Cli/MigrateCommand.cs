using System.CommandLine;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Postgres;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// <c>feedagg migrate --to postgres [--connection CS]</c>: copies the SQLite store
/// (Storage:Database) into a PostgreSQL database, migrating both to the current schema first.
/// Resumable (run it again after an interruption), verified (row counts and a checksum per table).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var to = new Option<string>("--to") { Description = "The provider to copy into: postgres.", Required = true };
        to.AcceptOnlyFromAmong(StorageProviders.Postgres);
        var connection = new Option<string?>("--connection")
        {
            Description = "The PostgreSQL database, in Npgsql's form (default: Storage:ConnectionString, e.g. from Storage__ConnectionString).",
        };
        var command = new Command("migrate", "Copy the SQLite store into PostgreSQL: resumable, verified at the end.") { to, connection };
        command.SetAction(async (result, cancellationToken) =>
        {
            var given = result.GetValue(connection);
            return await CliHost.RunAsync(configArgs, (services, token) => ExecuteAsync(services, given, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(IServiceProvider services, string? given, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var connectionString = string.IsNullOrWhiteSpace(given) ? storage.ConnectionString : given;
        if (PostgresConnections.Check(connectionString) is { } problem)
        {
            await Console.Error.WriteLineAsync($"feedagg: the PostgreSQL connection (--connection or Storage:ConnectionString) {problem}");
            return ExitCodes.BadUsage;
        }

        if (!File.Exists(storage.Database))
        {
            await Console.Error.WriteLineAsync($"feedagg: no SQLite database at {storage.Database} (Storage:Database): nothing to copy.");
            return ExitCodes.CouldNotWork;
        }

        var loggers = services.GetRequiredService<ILoggerFactory>();
        using var sqlite = new SqliteConnectionFactory(storage.Database);
        await using var postgres = new PostgresConnections(connectionString!);
        Console.WriteLine($"Copying {storage.Database} into the {postgres.Description} ...");
        await new SqliteMigrator(sqlite, loggers.CreateLogger<SqliteMigrator>()).MigrateAsync(cancellationToken);
        await new PostgresMigrator(postgres, loggers.CreateLogger<PostgresMigrator>()).MigrateAsync(cancellationToken);

        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var checks = await new SqliteToPostgres(sqlite, postgres).CopyAsync(new ProgressLines(time, started), cancellationToken);

        Console.WriteLine($"{"table",-14} {"sqlite rows",12} {"postgres rows",14}  {"sqlite checksum",-16}  {"postgres checksum",-17}");
        foreach (var check in checks)
        {
            Console.WriteLine(
                $"{check.Table,-14} {check.SourceRows,12} {check.TargetRows,14}  {check.SourceChecksum,-16}  {check.TargetChecksum,-17}  {(check.Matches ? "ok" : "DIFFERENT")}");
        }

        if (checks.All(c => c.Matches))
        {
            Console.WriteLine($"Verified: every table matches ({time.GetElapsedTime(started).TotalSeconds:0.0} s). Set Storage:Provider=postgres and Storage:ConnectionString to use it.");
            return ExitCodes.Done;
        }

        await Console.Error.WriteLineAsync(
            "feedagg: the copy does not match the SQLite store (see DIFFERENT above): the PostgreSQL database held other rows, " +
            "or the SQLite store changed during the copy (stop the service first). Run again into an empty database.");
        return ExitCodes.CouldNotWork;
    }

    /// <summary>One line per table at 10% steps, on stderr, so that stdout keeps the result.</summary>
    internal sealed class ProgressLines(TimeProvider time, long started) : IProgress<CopyProgress>
    {
        private string? _table;
        private long _shown = -1;

        public void Report(CopyProgress value)
        {
            var percent = value.Total == 0 ? 100 : value.Copied * 100 / value.Total;
            if (value.Table == _table && percent / 10 == _shown / 10 && percent < 100)
                return;
            if (value.Table == _table && percent == _shown)
                return;
            (_table, _shown) = (value.Table, percent);
            Console.Error.WriteLine($"migrate: {value.Table,-14} {value.Copied,10} of {value.Total,-10} ({percent}%)  {time.GetElapsedTime(started).TotalSeconds,6:0.0} s");
        }
    }
}
