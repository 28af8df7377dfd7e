using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The SQL of dedupe beyond (feed, key), prepared once on the writer's connection: which story a
/// new article joins and its LSH buckets (a feed's changed guids come with the document's lookup).
/// Every lookup is an index seek, by URL or by bucket; none reads the articles table through.
/// </summary>
internal sealed class StoryIndex : IDisposable
{
    private static readonly string[] BucketNames = [.. Enumerable.Range(0, TextFingerprint.BandCount).Select(b => "b" + b)];

    private readonly PreparedCommand _story;
    private readonly PreparedCommand _addBucket;
    private readonly PreparedCommand _removeBucket;

    public StoryIndex(SqliteConnection connection)
    {
        // One statement per article: the same link from another feed first (its rows come first,
        // and reading stops there), else the articles that share an LSH bucket.
        _story = new PreparedCommand(connection, $"""
            SELECT * FROM (SELECT 1, story_id, NULL FROM articles
                           WHERE url = @url AND feed_id <> @feedId ORDER BY id LIMIT 1)
            UNION ALL
            SELECT 0, a.story_id, a.fingerprint
            FROM (SELECT DISTINCT article_id FROM story_buckets
                  WHERE bucket IN ({string.Join(", ", BucketNames.Select(b => "@" + b))}) LIMIT {StoryCandidates.Max}) b
            JOIN articles a ON a.id = b.article_id
            """, ["url", "feedId", .. BucketNames]);
        // All of an article's bands in one statement each way.
        _addBucket = new PreparedCommand(connection, $"""
            INSERT OR IGNORE INTO story_buckets (bucket, article_id)
            VALUES {string.Join(", ", BucketNames.Select(b => $"(@{b}, @articleId)"))}
            """, [.. BucketNames, "articleId"]);
        _removeBucket = new PreparedCommand(connection, $"""
            DELETE FROM story_buckets
            WHERE article_id = @articleId AND bucket IN ({string.Join(", ", BucketNames.Select(b => "@" + b))})
            """, [.. BucketNames, "articleId"]);
    }

    /// <summary>Where a new article belongs: an existing story, or null for a story of its own.</summary>
    public StoryMatch? FindStory(SqliteTransaction transaction, Article article, long feedId, double threshold)
    {
        var fingerprint = article.Fingerprint;
        if (article.Url is null && fingerprint is null)
            return null;
        var buckets = fingerprint?.Buckets();
        var values = new object?[2 + TextFingerprint.BandCount];
        (values[0], values[1]) = (article.Url, feedId);
        for (var b = 0; b < TextFingerprint.BandCount; b++)
            values[2 + b] = buckets?[b];

        using var rows = _story.With(transaction, values).Read();
        return StoryCandidates.Best(rows, fingerprint, threshold);
    }

    public void AddBuckets(SqliteTransaction transaction, long articleId, TextFingerprint? fingerprint)
    {
        if (fingerprint is not null)
            _addBucket.With(transaction, BucketValues(fingerprint, articleId)).Execute();
    }

    public void RemoveBuckets(SqliteTransaction transaction, long articleId, byte[]? fingerprint)
    {
        if (TextFingerprint.FromBytes(fingerprint) is { } stored)
            _removeBucket.With(transaction, BucketValues(stored, articleId)).Execute();
    }

    private static object?[] BucketValues(TextFingerprint fingerprint, long articleId) =>
        [.. fingerprint.Buckets().Select(bucket => (object?)bucket), articleId];

    public void Dispose()
    {
        _story.Dispose();
        _addBucket.Dispose();
        _removeBucket.Dispose();
    }
}
