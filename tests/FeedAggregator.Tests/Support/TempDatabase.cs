using Dapper;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated, deleted afterwards.</summary>
public sealed class TempDatabase : ITestStore
{
    private readonly bool _ownsDirectory;

    private TempDatabase(string directory, TimeProvider? time, bool ownsDirectory)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Connections = new SqliteConnectionFactory(Path.Combine(directory, "test.db"));
        Feeds = new SqliteFeedStore(Connections, time);
        Articles = new SqliteArticleStore(Connections, time: time);
        Leases = new SqlitePollLeases(Connections);
    }

    public string Directory { get; }
    public SqliteConnectionFactory Connections { get; }
    public SqliteFeedStore Feeds { get; }
    public SqliteArticleStore Articles { get; }
    public SqlitePollLeases Leases { get; }

    IFeedStore ITestStore.Feeds => Feeds;
    IArticleStore ITestStore.Articles => Articles;
    IPollLeases ITestStore.Leases => Leases;

    /// <param name="migrate">False: an empty file, for the migration tests.</param>
    /// <param name="time">The clock of the stores (the one the poll cycle under test runs on).</param>
    public static async Task<TempDatabase> CreateAsync(bool migrate = true, TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "feedagg-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new TempDatabase(directory, time, ownsDirectory: true);
        if (migrate)
            await database.MigrateAsync();
        return database;
    }

    /// <summary>The same file seen as another process sees it: its own connections and writer.</summary>
    public TempDatabase OtherProcess(TimeProvider? time = null) => new(Directory, time, ownsDirectory: false);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    public Task MigrateAsync() => new SqliteMigrator(Connections, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        Connections.Dispose();
        if (!_ownsDirectory)
            return ValueTask.CompletedTask;
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
