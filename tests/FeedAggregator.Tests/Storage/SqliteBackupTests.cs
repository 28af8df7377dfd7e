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

    private sealed class OnProgress(Action<PollProgress> report) : IProgress<PollProgress>
    {
        public void Report(PollProgress value) => report(value);
    }
}
