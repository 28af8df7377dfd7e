using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// Brings the database to the newest schema. Safe when several processes start on one file at
/// once: the version is read and every missing step applied inside one BEGIN IMMEDIATE
/// transaction, so the second process waits, then finds the schema current. Nothing is written
/// (not even the journal mode) before the version is known to be one this build understands.
/// </summary>
public sealed class SqliteMigrator(SqliteConnectionFactory connections, ILogger<SqliteMigrator> logger) : IStoreMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        int from;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken before the version is read.
            from = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;", transaction: transaction);
            if (from > SqliteMigrations.Steps.Count)
            {
                throw new InvalidDataException(
                    $"The database {connections.DatabasePath} has schema version {from}, newer than this " +
                    $"FeedAggregator knows ({SqliteMigrations.Steps.Count}). Run a newer FeedAggregator or use another file; the file was not changed.");
            }

            for (var step = from; step < SqliteMigrations.Steps.Count; step++)
            {
                await connection.ExecuteAsync(SqliteMigrations.Steps[step].Sql, transaction: transaction);
                if (SqliteMigrations.Steps[step].Then is { } then)
                    await then(connection, transaction, cancellationToken);
            }
            if (from < SqliteMigrations.Steps.Count)
            {
                // PRAGMA takes no parameters; the value is our own integer.
                await connection.ExecuteAsync($"PRAGMA user_version = {SqliteMigrations.Steps.Count};", transaction: transaction);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (from < SqliteMigrations.Steps.Count)
            logger.LogInformation("Storage: migrated {Database} from schema version {From} to {Version}", connections.DatabasePath, from, SqliteMigrations.Steps.Count);

        // WAL is a property of the file (set once, it stays) and cannot change inside a transaction;
        // it lets the web server read while a poll writes.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
    }
}
