using Dapper;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// Brings the PostgreSQL database to the newest schema. Workers that start together migrate once:
/// each takes a transaction-scoped advisory lock (pg_advisory_xact_lock) before it reads the
/// version, so the others wait and then find the schema current. PostgreSQL's DDL is
/// transactional: every step applies in that one transaction or none does, and a database with a
/// newer schema is refused with nothing changed.
/// </summary>
public sealed class PostgresMigrator(PostgresConnections connections, ILogger<PostgresMigrator> logger) : IStoreMigrator
{
    // Any constant the application owns: "feedagg" in ASCII.
    private const long MigrationLock = 0x66656564616767;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@lock)", new { @lock = MigrationLock }, transaction, cancellationToken: cancellationToken));
        var versioned = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('feedagg_schema') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
        var from = versioned
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT version FROM feedagg_schema WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken))
            : 0;
        var to = PostgresMigrations.Steps.Count;
        if (from > to)
        {
            throw new InvalidDataException(
                $"The {connections.Description} has schema version {from}, newer than this FeedAggregator knows ({to}). " +
                "Run a newer FeedAggregator or use another database; nothing was changed.");
        }

        if (from == to)
            return;

        for (var step = from; step < to; step++)
            await connection.ExecuteAsync(new CommandDefinition(PostgresMigrations.Steps[step], transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO feedagg_schema (id, version) VALUES (1, @to) ON CONFLICT (id) DO UPDATE SET version = excluded.version",
            new { to }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Storage: migrated the {Database} from schema version {From} to {Version}", connections.Description, from, to);
    }
}
