using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated, deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string directory)
    {
        Directory = directory;
        Connections = new SqliteConnectionFactory(Path.Combine(directory, "test.db"));
        Feeds = new SqliteFeedStore(Connections);
        Articles = new SqliteArticleStore(Connections);
    }

    public string Directory { get; }
    public SqliteConnectionFactory Connections { get; }
    public SqliteFeedStore Feeds { get; }
    public SqliteArticleStore Articles { get; }

    /// <param name="migrate">False: an empty file, for the migration tests.</param>
    public static async Task<TempDatabase> CreateAsync(bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "feedagg-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new TempDatabase(directory);
        if (migrate)
            await new SqliteMigrator(database.Connections, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        Connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
