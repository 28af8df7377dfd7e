using Dapper;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Storage;

public sealed class SqliteMigratorTests
{
    [Fact]
    public async Task Migrating_sets_the_schema_version_and_WAL_and_is_idempotent()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new SqliteMigrator(db.Connections, NullLogger<SqliteMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(SqliteMigrations.Steps.Count, await connection.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_migration_is_logged_with_its_versions_and_an_up_to_date_store_logs_nothing()
    {
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        using var log = new CapturingLoggerProvider();
        using var factory = new LoggerFactory([log]);
        var migrator = new SqliteMigrator(db.Connections, factory.CreateLogger<SqliteMigrator>());

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal($"Storage: migrated {db.Connections.DatabasePath} from schema version 0 to {SqliteMigrations.Steps.Count}", entry.Message);
        Assert.Equal((0, SqliteMigrations.Steps.Count), ((int)entry.Properties["From"]!, (int)entry.Properties["Version"]!));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync($"PRAGMA user_version = {SqliteMigrations.Steps.Count + 1}");

        var migrator = new SqliteMigrator(db.Connections, NullLogger<SqliteMigrator>.Instance);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(
            $"The database {db.Connections.DatabasePath} has schema version {SqliteMigrations.Steps.Count + 1}, newer than this FeedAggregator knows " +
            $"({SqliteMigrations.Steps.Count}). Run a newer FeedAggregator or use another file; the file was not changed.", error.Message);

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
            .Select(_ => new SqliteMigrator(new SqliteConnectionFactory(db.Connections.DatabasePath), NullLogger<SqliteMigrator>.Instance))
            .ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(SqliteMigrations.Steps.Count, await connection.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM store_version"));
    }

    [Fact]
    public async Task Migrating_a_database_of_schema_5_indexes_its_articles_text_for_search()
    {
        var directory = Path.Combine(Path.GetTempPath(), "feedagg-tests", Guid.NewGuid().ToString("N"));
        using var connections = new SqliteConnectionFactory(Path.Combine(directory, "old.db"));
        try
        {
            await using (var connection = await connections.OpenAsync(CancellationToken.None))
            {
                foreach (var step in SqliteMigrations.Steps.Take(5))
                    await connection.ExecuteAsync(step.Sql);
                await connection.ExecuteAsync("""
                    PRAGMA user_version = 5;
                    INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://old.example/feed', 0);
                    INSERT INTO articles (feed_id, key, public_id, title, content_html, summary_html, content_hash,
                                          first_seen_at, last_changed_at, sort_at, story_id)
                    VALUES (1, 'guid:1', 'tag:1', 'Old kernel news', '<div class="lede"><a href="/x">Scheduler</a> merged</div>', NULL, 'h', 0, 0, 0, 1),
                           (1, 'guid:2', 'tag:2', 'Summary only', NULL, '<p>Allocator <span>tuned</span></p>', 'h', 0, 0, 1, 2);
                    """);
            }

            await new SqliteMigrator(connections, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
            var store = new SqliteArticleStore(connections);

            async Task<string[]> Search(string text) =>
                [.. (await store.QueryAsync(new ArticleFilter(Text: text), 0, 10, CancellationToken.None)).Items.Select(i => i.Article.Title)];
            Assert.Equal(["Old kernel news"], await Search("scheduler merged"));
            Assert.Equal(["Summary only"], await Search("allocator tuned"));
            Assert.Empty(await Search("lede"));
            Assert.Empty(await Search("span"));
            await using var check = await connections.OpenAsync(CancellationToken.None);
            Assert.Equal(SqliteMigrations.Steps.Count, await check.ExecuteScalarAsync<int>("PRAGMA user_version"));
            Assert.Equal(2, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM articles WHERE raw_hash IS NULL"));
        }
        finally
        {
            connections.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Migrating_a_database_of_schema_8_gives_every_feed_its_host()
    {
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
        {
            foreach (var step in SqliteMigrations.Steps.Take(8))
                await connection.ExecuteAsync(step.Sql);
            await connection.ExecuteAsync("""
                PRAGMA user_version = 8;
                INSERT INTO feeds (id, url, created_at) VALUES (1, 'https://News.Example/feed', 0);
                INSERT INTO feeds (id, url, discovered_url, created_at) VALUES (2, 'https://blog.example/', 'https://cdn.example/rss', 0);
                """);
        }

        await db.MigrateAsync();

        await using var check = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(["news.example", "cdn.example"], await check.QueryAsync<string>("SELECT host FROM feeds ORDER BY id"));
        Assert.Equal(SqliteMigrations.Steps.Count, await check.ExecuteScalarAsync<int>("PRAGMA user_version"));
    }

    [Fact]
    public async Task Connections_and_the_writer_run_with_the_chosen_pragmas()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous")); // NORMAL
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.Equal(30000, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("PRAGMA mmap_size"));
        Assert.Equal(32768, await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        Assert.Equal(64L << 20, await connection.ExecuteScalarAsync<long>("PRAGMA journal_size_limit"));
        var writer = await db.Connections.WriteAsync(
            w => (Cache: Convert.ToInt64(w.Pragma("cache_size")), Temp: Convert.ToInt64(w.Pragma("temp_store")), Sync: Convert.ToInt64(w.Pragma("synchronous")),
                  Checkpoint: Convert.ToInt64(w.Pragma("wal_autocheckpoint"))),
            CancellationToken.None);
        Assert.Equal((-8192L, 2L, 1L, 32768L), writer); // 8 MB of cache, temp in memory, NORMAL, a checkpoint every 128 MB
    }
}
