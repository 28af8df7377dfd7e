using Dapper;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FeedAggregator.Tests.Support;

/// <summary>
/// A schema of its own in the test PostgreSQL server (FEEDAGG_TEST_POSTGRES, an Npgsql connection
/// string; tests/acceptance/pg-cluster.sh starts one), migrated, dropped afterwards. Each test gets
/// its own schema, so tests run side by side as they do on SQLite files.
/// </summary>
public sealed class TempPostgresDatabase : ITestStore
{
    public const string ServerVariable = "FEEDAGG_TEST_POSTGRES";

    private readonly string _server;

    private TempPostgresDatabase(string server, string schema, TimeProvider? time)
    {
        (_server, Schema) = (server, schema);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        Connections = new PostgresConnections(ConnectionString);
        Feeds = new PostgresFeedStore(Connections, time);
        Articles = new PostgresArticleStore(Connections, time: time);
        Leases = new PostgresPollLeases(Connections);
        WebSub = new PostgresWebSubStore(Connections);
    }

    public string Schema { get; }

    /// <summary>The server's connection string with this test's schema as the search path.</summary>
    public string ConnectionString { get; }

    public PostgresConnections Connections { get; }
    public IFeedStore Feeds { get; }
    public IArticleStore Articles { get; }
    public IPollLeases Leases { get; }
    public IWebSubStore WebSub { get; }

    /// <summary>The configured server, or a skip (a failure under CI=true) when there is none.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(server))
            return server;
        const string why = $"PostgreSQL: no server configured ({ServerVariable} is not set; eval \"$(bash tests/acceptance/pg-cluster.sh start)\" starts one)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(why + ", and CI=true: CI must run the PostgreSQL tests.");
        throw new SkipException(why + ": the PostgreSQL store tests are skipped.");
    }

    public static async Task<TempPostgresDatabase> CreateAsync(TimeProvider? time = null, bool migrate = true)
    {
        var server = Server();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE SCHEMA {schema}");
        }

        var database = new TempPostgresDatabase(server, schema, time);
        if (migrate)
            await database.MigrateAsync();
        return database;
    }

    public Task MigrateAsync() => new PostgresMigrator(Connections, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);

    public Task<long> StoryBucketsAsync(long? articleId = null) =>
        ScalarAsync<long>("SELECT count(*) FROM story_buckets" + (articleId is { } id ? $" WHERE article_id = {id}" : ""));

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

    public async ValueTask DisposeAsync()
    {
        await Connections.DisposeAsync();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"DROP SCHEMA {Schema} CASCADE");
    }
}
