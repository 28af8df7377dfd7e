using Dapper;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Storage;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Migrating_sets_the_schema_version_and_WAL_and_is_idempotent()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new DatabaseMigrator(db.Connections, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(Migrations.Steps.Count, await connection.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync($"PRAGMA user_version = {Migrations.Steps.Count + 1}");

        var migrator = new DatabaseMigrator(db.Connections, NullLogger<DatabaseMigrator>.Instance);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.Contains("newer than this", error.Message);
        Assert.Contains(db.Connections.DatabasePath, error.Message);

        // Refused before anything was written: the file is not switched to WAL.
        await using var check = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal("delete", await check.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Processes_migrating_one_new_file_at_once_all_succeed_and_apply_each_step_once()
    {
        // Separate factories: separate connection pools, as separate processes have.
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        var migrators = Enumerable.Range(0, 6)
            .Select(_ => new DatabaseMigrator(new SqliteConnectionFactory(db.Connections.DatabasePath), NullLogger<DatabaseMigrator>.Instance))
            .ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(Migrations.Steps.Count, await connection.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM store_version"));
    }
}
