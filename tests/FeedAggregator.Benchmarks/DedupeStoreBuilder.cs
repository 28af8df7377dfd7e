using System.Security.Cryptography;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// Builds a store of N articles quickly: direct batched inserts in one transaction, random
/// fingerprints (distinct texts have effectively random MinHash values, so their LSH buckets are
/// spread as a real store's are). Built once per size and copied for each run.
/// </summary>
internal static class DedupeStoreBuilder
{
    public const int Feeds = 200;

    public static async Task<string> CopyAsync(int articles, string workPath)
    {
        var cached = Path.Combine(Path.GetTempPath(), "feedagg-bench", $"dedupe-{articles}.db");
        if (!File.Exists(cached))
            await BuildAsync(cached, articles);
        File.Copy(cached, workPath, overwrite: true);
        return workPath;
    }

    private static async Task BuildAsync(string path, int articles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        var connections = new SqliteConnectionFactory(building);
        await new SqliteMigrator(connections, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var connection = await connections.OpenAsync(CancellationToken.None);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -1000000; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }

        await using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Feeds})
            INSERT INTO feeds (id, url, title, created_at) SELECT i, 'https://outlet' || i || '.example/feed', 'Outlet ' || i, 0 FROM n
            """);
        using var article = Command(connection, transaction, """
            INSERT INTO articles (id, feed_id, key, public_id, url, title, content_hash, first_seen_at, last_changed_at,
                                  sort_at, published_at, story_id, fingerprint)
            VALUES ($id, $feed, $key, $public, $url, $title, 'h', $at, $at, $at, $at, $id, $fingerprint)
            """, "$id", "$feed", "$key", "$public", "$url", "$title", "$at", "$fingerprint");
        using var bucket = Command(connection, transaction,
            "INSERT OR IGNORE INTO story_buckets (bucket, article_id) VALUES ($bucket, $article)", "$bucket", "$article");
        var bytes = new byte[TextFingerprint.Size * sizeof(uint)];
        for (long id = 1; id <= articles; id++)
        {
            RandomNumberGenerator.Fill(bytes);
            var fingerprint = TextFingerprint.FromBytes(bytes)!;
            var feed = 1 + id % Feeds;
            Run(article, id, feed, $"guid:{id}", $"tag:bench:{id}", $"https://outlet{feed}.example/a/{id}", $"Article {id}",
                1_700_000_000 + id * 30, bytes);
            foreach (var b in fingerprint.Buckets())
                Run(bucket, b, id);
        }

        // Every article's buckets are in the table, as after a merge.
        Execute(connection, transaction, $"UPDATE story_buckets_merged SET through = {articles}, generation = generation + 1");
        await transaction.CommitAsync();
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
