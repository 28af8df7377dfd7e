using Dapper;
using FeedAggregator.Storage.Postgres;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Storage;

/// <summary>What only the PostgreSQL provider has to show (skipped without FEEDAGG_TEST_POSTGRES).</summary>
public sealed class PostgresSchemaTests
{
    [SkippableFact]
    public async Task Workers_starting_together_migrate_once_under_the_advisory_lock()
    {
        await using var db = await TempPostgresDatabase.CreateAsync(migrate: false);
        var connections = Enumerable.Range(0, 4).Select(_ => new PostgresConnections(db.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(connections.Select(c => new PostgresMigrator(c, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None)));
        }
        finally
        {
            foreach (var c in connections)
                await c.DisposeAsync();
        }

        Assert.Equal(PostgresMigrations.Steps.Count, await db.ScalarAsync<int>("SELECT version FROM feedagg_schema"));
        // Quartz's clustered job store has its tables (the step that creates them ran once).
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'qrtz_locks'"));
    }

    [SkippableFact]
    public async Task A_migration_is_logged_with_its_versions_and_an_up_to_date_database_logs_nothing()
    {
        await using var db = await TempPostgresDatabase.CreateAsync(migrate: false);
        using var log = new CapturingLoggerProvider();
        using var factory = new LoggerFactory([log]);
        var migrator = new PostgresMigrator(db.Connections, factory.CreateLogger<PostgresMigrator>());

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal($"Storage: migrated the {db.Connections.Description} from schema version 0 to {PostgresMigrations.Steps.Count}", entry.Message);
        Assert.Equal(PostgresMigrations.Steps.Count, await db.ScalarAsync<int>("SELECT version FROM feedagg_schema"));
    }

    [SkippableFact]
    public async Task A_database_with_a_newer_schema_is_refused_unchanged()
    {
        await using var db = await TempPostgresDatabase.CreateAsync();
        await db.ExecuteAsync("UPDATE feedagg_schema SET version = 99");

        var error = await Assert.ThrowsAsync<InvalidDataException>(db.MigrateAsync);

        Assert.Equal(
            $"The {db.Connections.Description} has schema version 99, newer than this FeedAggregator knows ({PostgresMigrations.Steps.Count}). " +
            "Run a newer FeedAggregator or use another database; nothing was changed.", error.Message);
        Assert.DoesNotContain("Password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("SELECT id FROM articles a WHERE a.search @@ plainto_tsquery('simple', 'word')", "articles_search")]
    [InlineData("SELECT DISTINCT article_id FROM story_buckets WHERE bucket = ANY(ARRAY[1, 2, 3]::bigint[])", "story_buckets_pkey")]
    [InlineData("SELECT story_id FROM articles WHERE url = 'https://a.example/' AND feed_id <> 1 ORDER BY id LIMIT 1", "articles_url")]
    public async Task Search_and_story_candidates_are_index_lookups(string query, string index)
    {
        await using var db = await TempPostgresDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        // An empty table is read through by preference; with that ruled out, the plan shows that an index serves the query.
        await connection.ExecuteAsync("SET enable_seqscan = off");

        var plan = string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + query));

        Assert.Contains(index, plan);
    }
}
