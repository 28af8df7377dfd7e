using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// Opens connections to the one SQLite file with the settings every connection needs, and holds
/// the process's one writing connection. The file path is absolute (the host resolves it
/// against the content root).
/// </summary>
public sealed class SqliteConnectionFactory : IDisposable
{
    // Every connection. WAL (set on the file by the migrator) lets readers work while a poll
    // writes. synchronous = NORMAL: under WAL a commit is not fsynced, only checkpoints are; a
    // power cut can lose the last polls (fetched again next time), never corrupt the file.
    // busy_timeout: a second process's writer waits rather than fails.
    // wal_autocheckpoint: the connection that commits copies the WAL back into the database once
    // it holds 32,768 pages (128 MB), not SQLite's 1,000 (4 MB); WalCheckpointer copies most of it
    // before then, off the writer's thread, and this bounds the WAL when it falls behind. New
    // articles land on index pages all over the file (LSH buckets, public ids, FTS segments), and a
    // checkpoint writes back every page changed since the last one: with 4 MB checkpoints the same pages were written (and read
    // into the cache) again and again, and a first poll of 10,000 feeds spent over a third of its
    // CPU in the kernel. journal_size_limit: after a checkpoint the WAL file is cut back to 64 MB,
    // so one burst does not hold 128 MB of disk for good.
    private const string ConnectionPragmas = """
        PRAGMA foreign_keys = ON;
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 30000;
        PRAGMA wal_autocheckpoint = 32768;
        PRAGMA journal_size_limit = 67108864;
        """;

    // The writer only. Its inserts touch index pages all over the file (the (feed, key) index,
    // LSH buckets, FTS segments): an 8 MB page cache (SQLite's default is 2 MB) keeps the upper
    // levels of those b-trees across transactions; readers keep the default, so pooled
    // connections do not each hold 8 MB. mmap_size stays 0 (SQLite's default): mapped pages count
    // in the process's RSS, which a 10,000-feed cycle must keep under 200 MB, while pread from
    // the OS cache costs a copy. temp_store = MEMORY: DISTINCT's small sorts never touch a file.
    private const string WriterPragmas = """
        PRAGMA cache_size = -8192;
        PRAGMA temp_store = MEMORY;
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WalCheckpointer _checkpointer;
    private StoreWriter? _writer;

    public SqliteConnectionFactory(string databasePath, ILogger<SqliteConnectionFactory>? logger = null)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Writers wait for each other instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
        }.ToString();
        // OpenAsync completes synchronously (Microsoft.Data.Sqlite has no asynchronous I/O).
        _checkpointer = new WalCheckpointer(() => OpenAsync(CancellationToken.None).GetAwaiter().GetResult(), logger);
    }

    public string DatabasePath { get; }

    /// <summary>What the last write found: every write goes through <see cref="WriteAsync{T}"/>.</summary>
    public StoreHealth Health { get; } = new();

    /// <summary>Extra pragmas for the writing connection: tests use <c>max_page_count</c> to fill the "disk".</summary>
    internal string? TestWriterPragmas { get; set; }

    /// <summary>The background checkpointer (tests read how many checkpoints it ran).</summary>
    internal WalCheckpointer Checkpointer => _checkpointer;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory) && directory != ":memory:")
            Directory.CreateDirectory(directory);

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writing connection, one write at a time. The writer is
    /// opened on first use (after migration) and kept; after a failure it is opened afresh.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<StoreWriter, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                var connection = await OpenAsync(cancellationToken);
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = WriterPragmas + TestWriterPragmas;
                    pragma.ExecuteNonQuery();
                }

                _writer = new StoreWriter(connection);
            }

            var result = write(_writer);
            Health.WriteSucceeded();
            _checkpointer.Committed();
            return result;
        }
        catch (SqliteException error)
        {
            Health.WriteFailed(StorageError.Describe(error, DatabasePath));
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            _checkpointer.Dispose();
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
