using FeedAggregator.Model;
using FeedAggregator.Stories;
using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// The SQL of dedupe beyond (feed, key) on PostgreSQL: which story a new article joins and its LSH
/// buckets. Every lookup is an index seek, by URL (articles_url) or by bucket (the buckets' primary
/// key, bucket first); none reads the articles table through.
/// </summary>
internal static class PostgresStoryIndex
{
    // The same link from another feed first, else the articles that share an LSH bucket.
    private static readonly string FindSql = $"""
        (SELECT 1, story_id, NULL::bytea FROM articles WHERE url = @url AND feed_id <> @feedId ORDER BY id LIMIT 1)
        UNION ALL
        SELECT 0, a.story_id, a.fingerprint
        FROM (SELECT DISTINCT article_id FROM story_buckets WHERE bucket = ANY(@buckets) LIMIT {StoryCandidates.Max}) b
        JOIN articles a ON a.id = b.article_id
        """;

    /// <summary>Where a new article belongs: an existing story, or null for a story of its own.</summary>
    public static async Task<StoryMatch?> FindStoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Article article, long feedId, double threshold, CancellationToken cancellationToken)
    {
        var fingerprint = article.Fingerprint;
        if (article.Url is null && fingerprint is null)
            return null;
        await using var command = new NpgsqlCommand(FindSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string?>("url", article.Url));
        command.Parameters.Add(new NpgsqlParameter<long>("feedId", feedId));
        command.Parameters.Add(new NpgsqlParameter<long[]>("buckets", fingerprint?.Buckets() ?? []));
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        return StoryCandidates.Best(rows, fingerprint, threshold);
    }

    /// <summary>An article's LSH bands, in one statement.</summary>
    public static async Task AddBucketsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long articleId, TextFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        if (fingerprint is null)
            return;
        await using var command = new NpgsqlCommand(
            "INSERT INTO story_buckets (bucket, article_id) SELECT unnest(@buckets), @articleId ON CONFLICT DO NOTHING", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("buckets", fingerprint.Buckets()));
        command.Parameters.Add(new NpgsqlParameter<long>("articleId", articleId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The LSH bands of several articles, found by seeks on (bucket, article) rather than by a scan of every band.</summary>
    public static async Task RemoveBucketsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> articleIds, IReadOnlyList<TextFingerprint?> fingerprints,
        CancellationToken cancellationToken)
    {
        var (buckets, ids) = (new List<long>(), new List<long>());
        for (var i = 0; i < articleIds.Count; i++)
        {
            if (fingerprints[i] is not { } fingerprint)
                continue;
            foreach (var bucket in fingerprint.Buckets())
            {
                buckets.Add(bucket);
                ids.Add(articleIds[i]);
            }
        }

        if (buckets.Count == 0)
            return;
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM story_buckets s USING unnest(@buckets, @ids) AS r (bucket, article_id)
            WHERE s.bucket = r.bucket AND s.article_id = r.article_id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("buckets", [.. buckets]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
