using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Refreshing;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Storage;

/// <summary>Backups taken while a poll writes are consistent; a restore is refused while the service holds the database.</summary>
public sealed class SqliteBackupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_backup_taken_during_a_poll_of_many_feeds_passes_integrity_check()
    {
        const int feeds = 60, before = 20;
        var release = new TaskCompletionSource();
        await using var server = await LocalHttpServer.StartAsync("/feed/{n:int}", async context =>
        {
            var n = int.Parse((string)context.Request.RouteValues["n"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (n > before)
                await release.Task; // the rest of the poll waits until the backup is taken
            await context.Response.Body.WriteAsync(Feeds.Rss($"{n}-a", $"{n}-b", $"{n}-c"));
        });
        await using var poll = await PollHarness.CreateAsync(Enumerable.Range(1, feeds).Select(n => server.Url($"/feed/{n}")), o => o.MaxConcurrencyPerHost = 4);
        var halfway = new TaskCompletionSource();
        var polling = poll.Cycle.RunAsync(force: true, None, progress: new OnProgress(p =>
        {
            if (p.Done >= before)
                halfway.TrySetResult();
        }));

        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var copy = Path.Combine(poll.Db.Directory, "backup.db");
        var summary = await SqliteBackup.BackupAsync(poll.Db.Connections.DatabasePath, copy, None);
        Assert.False(polling.IsCompleted); // taken while the poll was still running
        release.SetResult();
        var polled = await polling;

        Assert.Equal(feeds, polled.Polled);
        Assert.Equal(feeds, summary.Feeds);
        Assert.InRange(summary.Articles, before * 3, (feeds * 3) - 1);
        Assert.Equal(summary, await SqliteBackup.CheckAsync(copy, None)); // integrity_check ok, and the same content read back
        Assert.False(File.Exists(copy + "-wal")); // one self-contained file
    }

    [Fact]
    public async Task A_restore_puts_the_backup_in_place_and_keeps_the_database_it_replaced()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new Subscription("https://a.example/feed")], DateTimeOffset.UtcNow, None);
        var backup = Path.Combine(db.Directory, "backup.db");
        await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);
        await db.Feeds.SyncSubscriptionsAsync([new Subscription("https://a.example/feed"), new Subscription("https://b.example/feed")], DateTimeOffset.UtcNow, None);
        db.Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var restored = await SqliteBackup.RestoreAsync(backup, db.Connections.DatabasePath, None);

        Assert.Equal(1, restored.Restored.Feeds);
        Assert.Equal(2, (await SqliteBackup.CheckAsync(restored.Previous!, None)).Feeds);
        Assert.Single(await new SqliteFeedStore(new SqliteConnectionFactory(db.Connections.DatabasePath)).ListAsync(None));
    }

    [Fact]
    public async Task Backup_refuses_the_database_itself_and_restore_refuses_a_file_that_is_no_store()
    {
        await using var db = await TempDatabase.CreateAsync();
        await Assert.ThrowsAsync<InvalidDataException>(() => SqliteBackup.BackupAsync(db.Connections.DatabasePath, db.Connections.DatabasePath, None));
        var junk = Path.Combine(db.Directory, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        await Assert.ThrowsAnyAsync<Exception>(() => SqliteBackup.RestoreAsync(junk, db.Connections.DatabasePath, None));
        Assert.Empty(await db.Feeds.ListAsync(None)); // the database still answers, untouched
    }

    [Fact]
    public async Task Restore_is_refused_while_the_service_holds_the_database_lock()
    {
        await using var db = await TempDatabase.CreateAsync();
        var backup = Path.Combine(db.Directory, "backup.db");
        await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);
        var args = new[] { "restore", backup, $"--Storage:Database={db.Connections.DatabasePath}" };

        using (DatabaseLock.HoldShared(db.Connections.DatabasePath))
        {
            Assert.Null(DatabaseLock.TryHoldExclusive(db.Connections.DatabasePath));
            Assert.Equal(ExitCodes.CouldNotWork, await CliApp.RunAsync(args));
        }

        db.Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(ExitCodes.Done, await CliApp.RunAsync(args));
        // And the service cannot start while a restore holds the lock.
        using var restoring = DatabaseLock.TryHoldExclusive(db.Connections.DatabasePath);
        Assert.NotNull(restoring);
        Assert.Throws<IOException>(() => DatabaseLock.HoldShared(db.Connections.DatabasePath));
    }

    [Fact]
    public async Task A_backup_replaces_an_older_copy_and_leaves_one_self_contained_file()
    {
        await using var db = await TempDatabase.CreateAsync();
        var backup = Path.Combine(db.Directory, "backup.db");
        await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);
        await db.Feeds.SyncSubscriptionsAsync([new Subscription("https://a.example/feed")], DateTimeOffset.UtcNow, None);

        var summary = await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);

        Assert.Equal(1, summary.Feeds);
        Assert.Equal(summary, await SqliteBackup.CheckAsync(backup, None));
        Assert.False(File.Exists(backup + ".partial"));
        Assert.Equal("delete", await JournalModeAsync(backup));
    }

    [Fact]
    public async Task A_restored_database_is_back_in_write_ahead_log_mode()
    {
        await using var db = await TempDatabase.CreateAsync();
        var backup = Path.Combine(db.Directory, "backup.db");
        await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);
        var target = Path.Combine(db.Directory, "restored.db");

        var restored = await SqliteBackup.RestoreAsync(backup, target, None);

        Assert.Null(restored.Previous);
        Assert.Equal("wal", await JournalModeAsync(target));
    }

    [Fact]
    public async Task A_missing_database_or_backup_is_named_as_missing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var missing = Path.Combine(db.Directory, "missing.db");
        var copy = Path.Combine(db.Directory, "copy.db");

        var backup = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteBackup.BackupAsync(missing, copy, None));
        Assert.Equal($"no database at {missing}", backup.Message);
        Assert.Equal(missing, backup.FileName);
        Assert.False(File.Exists(copy));
        var restore = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteBackup.RestoreAsync(missing, db.Connections.DatabasePath, None));
        Assert.Equal($"no database at {missing}", restore.Message);
    }

    [Fact]
    public async Task Backup_names_the_file_that_is_the_database_itself()
    {
        await using var db = await TempDatabase.CreateAsync();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteBackup.BackupAsync(db.Connections.DatabasePath, db.Connections.DatabasePath, None));
        Assert.Equal($"backup: {db.Connections.DatabasePath} is the database itself; name another file.", error.Message);
    }

    [Fact]
    public async Task A_sqlite_file_without_the_store_tables_is_refused_as_no_store()
    {
        await using var db = await TempDatabase.CreateAsync();
        var other = Path.Combine(db.Directory, "other.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "CREATE TABLE feeds (id INTEGER)");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteBackup.RestoreAsync(other, db.Connections.DatabasePath, None));
        Assert.Equal($"{other} is a SQLite database but not a FeedAggregator store (no feeds and articles tables).", error.Message);
        Assert.False(File.Exists(db.Connections.DatabasePath + ".before-restore"));
    }

    [Fact]
    public async Task A_backup_from_a_newer_feedagg_is_not_restored()
    {
        await using var db = await TempDatabase.CreateAsync();
        var backup = Path.Combine(db.Directory, "backup.db");
        await SqliteBackup.BackupAsync(db.Connections.DatabasePath, backup, None);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, $"PRAGMA user_version = {SqliteMigrations.Steps.Count + 1}");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteBackup.RestoreAsync(backup, db.Connections.DatabasePath, None));

        Assert.StartsWith($"restore: {backup} has schema version {SqliteMigrations.Steps.Count + 1}, newer than this feedagg knows ({SqliteMigrations.Steps.Count})", error.Message);
        Assert.False(File.Exists(db.Connections.DatabasePath + ".before-restore"));
    }

    private static async Task<string?> JournalModeAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "PRAGMA journal_mode");
    }

    private sealed class OnProgress(Action<PollProgress> report) : IProgress<PollProgress>
    {
        public void Report(PollProgress value) => report(value);
    }
}
