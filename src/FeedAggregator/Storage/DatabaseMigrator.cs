using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Storage;

/// <summary>Brings the database to the newest schema, one transaction per step.</summary>
public sealed class DatabaseMigrator(SqliteConnectionFactory connections, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // WAL is a property of the file: set once, it stays.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");

        var version = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
        if (version > Migrations.Steps.Count)
        {
            throw new InvalidDataException(
                $"The database {connections.DatabasePath} has schema version {version}, newer than this " +
                $"FeedAggregator knows ({Migrations.Steps.Count}). Run a newer FeedAggregator or use another file.");
        }

        for (var step = version; step < Migrations.Steps.Count; step++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(Migrations.Steps[step].Sql, transaction: transaction);
            if (Migrations.Steps[step].Then is { } then)
                await then(connection, transaction, cancellationToken);
            // PRAGMA takes no parameters; the value is our own integer.
            await connection.ExecuteAsync($"PRAGMA user_version = {step + 1};", transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Storage: migrated {Database} to schema version {Version}", connections.DatabasePath, step + 1);
        }
    }
}
