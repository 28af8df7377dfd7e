using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// Copies committed pages from the WAL back into the database on a thread and connection of its
/// own, a few times a second while the writer commits. A checkpoint is reading the WAL, writing
/// the database file and an fsync; run by the connection that commits (wal_autocheckpoint), it
/// stalled the one writer for all of that, while the machine's other core waited. PASSIVE: it
/// copies what no reader still needs and never waits for, or blocks, the writer or a reader.
/// The writer's own checkpoint at wal_autocheckpoint stays as it was, so the WAL is bounded as
/// before even when this one falls behind; it just finds less left to copy.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    // Between two checkpoints: each one writes the pages changed since the last and syncs the
    // file, so checkpointing after every commit would write the same hot index pages again and
    // again (measured: no faster, and 20 s more kernel CPU in a first 10,000-feed poll). The
    // writer's own checkpoint then finds only what came in since the last of these.
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    private readonly Func<SqliteConnection> _open;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _start = new();
    private Thread? _thread;
    private long _checkpoints;

    public WalCheckpointer(Func<SqliteConnection> open, ILogger? logger = null)
    {
        _open = open;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many checkpoints have run (for tests and diagnostics).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>The writer committed: a checkpoint follows, unless one is already due.</summary>
    public void Committed()
    {
        if (_stop.IsCancellationRequested)
            return;
        lock (_start)
        {
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
                _thread.Start();
            }
        }

        // At most one pending signal: commits while a checkpoint runs make one more, not many.
        if (_committed.CurrentCount == 0)
        {
            try
            {
                _committed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled in between: one is enough.
            }
        }
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        var failing = false;
        try
        {
            while (true)
            {
                _committed.Wait(_stop.Token);
                try
                {
                    connection ??= _open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    checkpoint.ExecuteNonQuery();
                    Interlocked.Increment(ref _checkpoints);
                    failing = false;
                }
                catch (Exception error) when (error is DbException or IOException or UnauthorizedAccessException)
                {
                    // Harmless to the data: the pages stay in the WAL, and the writer's own
                    // checkpoint (whose failures the store records) copies them. Said once per
                    // run of failures, not four times a second.
                    if (!failing)
                        _logger.LogWarning(error, "Storage: background checkpoint of the WAL failed; the writer will checkpoint it");
                    failing = true;
                    connection?.Dispose();
                    connection = null;
                }

                _stop.Token.WaitHandle.WaitOne(Spacing);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>Stops the thread after the checkpoint it may be running.</summary>
    public void Dispose()
    {
        lock (_start)
        {
            if (_stop.IsCancellationRequested)
                return;
            _stop.Cancel();
        }

        _thread?.Join();
        _stop.Dispose();
        _committed.Dispose();
    }
}
