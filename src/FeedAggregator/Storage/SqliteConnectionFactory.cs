using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>
/// Opens connections to the one SQLite file with the settings every connection needs. The file
/// path is absolute (the host resolves it against the content root).
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string databasePath)
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
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory) && directory != ":memory:")
            Directory.CreateDirectory(directory);

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // WAL lets the web server read while a poll writes; NORMAL is durable enough under WAL.
        pragma.CommandText = """
            PRAGMA foreign_keys = ON;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 30000;
            """;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
