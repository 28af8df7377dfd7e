using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>
/// The SQL of dedupe beyond (feed, key): which story a new article joins, its LSH buckets, a
/// feed's changed guids and the tombstones. Every lookup is an index seek: by URL, by bucket,
/// by (feed, key); none reads the articles table through.
/// </summary>
internal sealed class StoryIndex(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
{
    // A bucket shared by hundreds of texts is boilerplate, not a story: look at this many at most.
    private const int MaxCandidates = 200;

    /// <summary>Where a new article belongs: an existing story, or null for a story of its own.</summary>
    public async Task<StoryMatch?> FindStoryAsync(Article article, long feedId, double threshold)
    {
        if (article.Url is not null)
        {
            var byLink = await connection.QueryFirstOrDefaultAsync<long?>(Command(
                "SELECT story_id FROM articles WHERE url = @Url AND feed_id <> @feedId ORDER BY id LIMIT 1",
                new { article.Url, feedId }));
            if (byLink is { } linked)
                return new StoryMatch(linked, "link", 1.0);
        }

        if (article.Fingerprint is not { } fingerprint)
            return null;
        var candidates = await connection.QueryAsync<(long Id, long StoryId, byte[]? Fingerprint)>(Command(
            $"""
            SELECT a.id, a.story_id, a.fingerprint
            FROM (SELECT DISTINCT article_id FROM story_buckets WHERE bucket IN @buckets LIMIT {MaxCandidates}) b
            JOIN articles a ON a.id = b.article_id
            """,
            new { buckets = fingerprint.Buckets() }));
        StoryMatch? best = null;
        foreach (var candidate in candidates)
        {
            if (TextFingerprint.FromBytes(candidate.Fingerprint) is not { } other)
                continue;
            var score = fingerprint.Similarity(other);
            if (score >= threshold && (best is null || score > best.Score))
                best = new StoryMatch(candidate.StoryId, "text", score);
        }

        return best;
    }

    /// <summary>
    /// A stored article of this feed with the same link and title under another key: the feed
    /// changed the entry's guid, and the entry keeps its first identity.
    /// </summary>
    public Task<StoredKey?> FindRenamedAsync(Article article, long feedId, IReadOnlyCollection<string> batchKeys) =>
        article.Url is null
            ? Task.FromResult<StoredKey?>(null)
            : connection.QueryFirstOrDefaultAsync<StoredKey?>(Command(
                """
                SELECT id AS Id, content_hash AS ContentHash, fingerprint AS Fingerprint FROM articles
                WHERE url = @Url AND feed_id = @feedId AND title = @Title AND key NOT IN @batchKeys
                ORDER BY id LIMIT 1
                """,
                new { article.Url, feedId, article.Title, batchKeys }));

    /// <summary>The keys and links of this feed that retention removed.</summary>
    public async Task<(HashSet<string> Keys, HashSet<string> Urls)> TombstonesAsync(long feedId, IReadOnlyList<Article> articles)
    {
        var rows = await connection.QueryAsync<(string Key, string? Url)>(Command(
            "SELECT key, url FROM tombstones WHERE feed_id = @feedId AND (key IN @keys OR url IN @urls)",
            new { feedId, keys = articles.Select(a => a.Key).ToList(), urls = articles.Select(a => a.Url).OfType<string>().ToList() }));
        var list = rows.ToList();
        return (list.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), list.Select(r => r.Url).OfType<string>().ToHashSet(StringComparer.Ordinal));
    }

    public Task AddBucketsAsync(long articleId, TextFingerprint? fingerprint) =>
        fingerprint is null
            ? Task.CompletedTask
            : connection.ExecuteAsync(Command(
                "INSERT OR IGNORE INTO story_buckets (bucket, article_id) VALUES (@bucket, @articleId)",
                fingerprint.Buckets().Select(bucket => new { bucket, articleId })));

    public Task RemoveBucketsAsync(long articleId, byte[]? fingerprint) =>
        TextFingerprint.FromBytes(fingerprint) is not { } stored
            ? Task.CompletedTask
            : connection.ExecuteAsync(Command(
                "DELETE FROM story_buckets WHERE bucket = @bucket AND article_id = @articleId",
                stored.Buckets().Select(bucket => new { bucket, articleId })));

    private CommandDefinition Command(string sql, object parameters) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
