using Dapper;
using FeedAggregator.Tests.Support;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Storage;

public sealed class WalCheckpointerTests
{
    [Fact]
    public async Task A_commit_reaches_the_database_file_without_the_writer_checkpointing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var before = db.Connections.Checkpointer.Checkpoints;

        // A few pages, far below the writer's own checkpoint at 32,768 pages of WAL.
        await db.Connections.WriteAsync(writer =>
        {
            using var transaction = writer.Begin();
            writer.Connection.Execute("CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (42);", transaction: transaction);
            transaction.Commit();
            return 0;
        }, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (db.Connections.Checkpointer.Checkpoints == before && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.True(db.Connections.Checkpointer.Checkpoints > before, "no background checkpoint ran after the commit");

        // The database file alone, as a copy without its WAL: it holds the committed row.
        var copy = Path.Combine(db.Directory, "copy.db");
        File.Copy(db.Connections.DatabasePath, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(42, await connection.ExecuteScalarAsync<long>("SELECT x FROM probe"));
    }

    [Fact]
    public async Task Without_a_commit_nothing_runs_and_disposing_stops_it()
    {
        var db = await TempDatabase.CreateAsync();
        Assert.Equal(0, db.Connections.Checkpointer.Checkpoints);
        await db.Connections.WriteAsync(writer => { writer.Probe(); return 0; }, CancellationToken.None);
        await db.DisposeAsync();

        // Stopped: a commit signalled after disposal starts nothing and throws nothing.
        var after = db.Connections.Checkpointer.Checkpoints;
        db.Connections.Checkpointer.Committed();
        await Task.Delay(300);
        Assert.Equal(after, db.Connections.Checkpointer.Checkpoints);
    }

    [Fact]
    public async Task A_failing_checkpoint_is_logged_once_and_the_next_one_runs()
    {
        await using var db = await TempDatabase.CreateAsync();
        using var logs = new CapturingLoggerProvider();
        var opened = 0;
        using var checkpointer = new WalCheckpointer(() =>
        {
            // The first two attempts find no file to open (as when the disk went away).
            if (Interlocked.Increment(ref opened) <= 2)
                throw new IOException("disk gone");
            return db.Connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        }, logs.CreateLogger("checkpointer"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (checkpointer.Checkpoints == 0 && DateTime.UtcNow < deadline)
        {
            checkpointer.Committed();
            await Task.Delay(50);
        }

        Assert.True(checkpointer.Checkpoints >= 1, "no checkpoint ran once the file could be opened");
        Assert.True(Volatile.Read(ref opened) >= 3);
        var warning = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("background checkpoint", warning.Message);
        Assert.IsType<IOException>(warning.Exception);
    }
}
