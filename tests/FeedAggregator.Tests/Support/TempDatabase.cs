using Dapper;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated, deleted afterwards.</summary>
public sealed class TempDatabase : ITestStore
{
    private readonly bool _ownsDirectory;

    private TempDatabase(string directory, DedupeOptions dedupe, TimeProvider? time, bool ownsDirectory)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Connections = new SqliteConnectionFactory(Path.Combine(directory, "test.db"));
        Feeds = new SqliteFeedStore(Connections, time);
        // The options as the host passes them, so the configured threshold is the one that runs.
        Articles = new SqliteArticleStore(Connections, Options.Create(dedupe), time);
        Leases = new SqlitePollLeases(Connections);
        WebSub = new SqliteWebSubStore(Connections);
    }

    public string Directory { get; }
    public SqliteConnectionFactory Connections { get; }
    public SqliteFeedStore Feeds { get; }
    public SqliteArticleStore Articles { get; }
    public SqlitePollLeases Leases { get; }
    public SqliteWebSubStore WebSub { get; }

    IFeedStore ITestStore.Feeds => Feeds;
    IArticleStore ITestStore.Articles => Articles;
    IPollLeases ITestStore.Leases => Leases;
    IWebSubStore ITestStore.WebSub => WebSub;

    /// <param name="migrate">False: an empty file, for the migration tests.</param>
    /// <param name="time">The clock of the stores (the one the poll cycle under test runs on).</param>
    public static async Task<TempDatabase> CreateAsync(DedupeOptions? dedupe = null, bool migrate = true, TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "feedagg-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = new TempDatabase(directory, dedupe ?? new DedupeOptions(), time, ownsDirectory: true);
        if (migrate)
            await database.MigrateAsync();
        return database;
    }

    /// <summary>The same file seen as another process sees it: its own connections and writer.</summary>
    public TempDatabase OtherProcess(TimeProvider? time = null) => new(Directory, new DedupeOptions(), time, ownsDirectory: false);

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

    // Some wait in the writer's memory before they are merged into story_buckets: the writer counts both.
    public Task<long> StoryBucketsAsync(long? articleId = null) =>
        Connections.WriteAsync(writer => writer.CountStoryBuckets(articleId), CancellationToken.None);

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
