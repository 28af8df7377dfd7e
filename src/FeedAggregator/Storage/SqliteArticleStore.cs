using System.Security.Cryptography;
using System.Text;
using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Storage;

/// <summary>The SQLite implementation of <see cref="IArticleStore"/>.</summary>
public sealed class SqliteArticleStore(SqliteConnectionFactory connections, IOptions<DedupeOptions>? options = null) : IArticleStore
{
    /// <summary>The tag: URI authority and date of every public id (RFC 4151); never change them.</summary>
    public const string TagPrefix = "tag:feedaggregator,2026:";

    public async Task<StoreSummary> SaveAsync(
        Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var index = new StoryIndex(connection, transaction, cancellationToken);

        // One document may repeat an entry: the first occurrence wins, as readers show it.
        var unique = articles.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        var keys = unique.Select(a => a.Key).ToList();
        var existing = (await connection.QueryAsync<(string Key, long Id, string ContentHash, byte[]? Fingerprint)>(new CommandDefinition(
                "SELECT key, id, content_hash, fingerprint FROM articles WHERE feed_id = @feedId AND key IN @keys",
                new { feedId = polledFeed.Id, keys }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, r => new StoredKey(r.Id, r.ContentHash, r.Fingerprint), StringComparer.Ordinal);
        var (removedKeys, removedUrls) = await index.TombstonesAsync(polledFeed.Id, unique);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var article in unique)
        {
            var stored = existing.GetValueOrDefault(article.Key);
            if (stored is null && (removedKeys.Contains(article.Key) || (article.Url is not null && removedUrls.Contains(article.Url))))
            {
                // Retention removed it: a feed that still lists it does not bring it back.
                unchanged++;
                continue;
            }

            stored ??= await index.FindRenamedAsync(article, polledFeed.Id, keys);
            if (stored is null)
                added += await InsertAsync(connection, transaction, index, polledFeed, article, now, cancellationToken);
            else if (stored.ContentHash != article.ContentHash)
                updated += await UpdateAsync(connection, transaction, index, polledFeed, article, stored, now, cancellationToken);
            else
                unchanged++;
        }

        await FeedPollStateWriter.WriteAsync(connection, transaction, polledFeed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreSummary(added, updated, unchanged);
    }

    private async Task<int> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, StoryIndex index, Feed polledFeed, Article article,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var story = await index.FindStoryAsync(article, polledFeed.Id, options?.Value.SimilarityThreshold ?? new DedupeOptions().SimilarityThreshold);
        var parameters = new DynamicParameters(ArticleRow.Parameters(article, polledFeed.Id, now));
        parameters.Add("publicId", PublicIdFor(polledFeed.Url, article.Key));
        parameters.Add("storyId", story?.StoryId);
        parameters.Add("storyMatch", story?.Match ?? "first");
        parameters.Add("storyScore", story?.Score);
        // The unique index is the last word: a concurrent writer's row is never doubled.
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO articles (feed_id, key, public_id, source_id, url, title, summary_html, content_html,
                                  authors, categories, enclosures, published_at, updated_at, language,
                                  content_hash, first_seen_at, last_changed_at, sort_at,
                                  story_id, story_match, story_score, fingerprint)
            VALUES (@feedId, @Key, @publicId, @SourceId, @Url, @Title, @SummaryHtml, @ContentHtml,
                    @authors, @categories, @enclosures, @publishedAt, @updatedAt, @Language,
                    @ContentHash, @now, @now, coalesce(@publishedAt, @now),
                    @storyId, @storyMatch, @storyScore, @fingerprint)
            ON CONFLICT (feed_id, key) DO NOTHING
            RETURNING id
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        if (id is not { } articleId)
            return 0;
        if (story is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE articles SET story_id = id WHERE id = @articleId", new { articleId }, transaction, cancellationToken: cancellationToken));
        }

        await index.AddBucketsAsync(articleId, article.Fingerprint);
        return 1;
    }

    private static async Task<int> UpdateAsync(
        SqliteConnection connection, SqliteTransaction transaction, StoryIndex index, Feed polledFeed, Article article,
        StoredKey stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Same identity, new text: changed in place. The key, public id and story stay.
        var parameters = new DynamicParameters(ArticleRow.Parameters(article, polledFeed.Id, now));
        parameters.Add("id", stored.Id);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE articles SET
                source_id = @SourceId, url = @Url, title = @Title, summary_html = @SummaryHtml,
                content_html = @ContentHtml, authors = @authors, categories = @categories,
                enclosures = @enclosures, published_at = @publishedAt,
                updated_at = CASE WHEN @updatedAt > coalesce(updated_at, 0) THEN @updatedAt ELSE @now END,
                language = @Language, content_hash = @ContentHash, last_changed_at = @now,
                sort_at = coalesce(@publishedAt, first_seen_at), fingerprint = @fingerprint
            WHERE id = @id
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        var fingerprint = article.Fingerprint?.ToBytes();
        if (stored.Fingerprint is null != fingerprint is null || (fingerprint is not null && !fingerprint.AsSpan().SequenceEqual(stored.Fingerprint)))
        {
            await index.RemoveBucketsAsync(stored.Id, stored.Fingerprint);
            await index.AddBucketsAsync(stored.Id, article.Fingerprint);
        }

        return changed;
    }

    public async Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedColumnsAliased}
                FROM articles a JOIN feeds f ON f.id = a.feed_id
                WHERE {ArticleFilterSql.Subscribed}
                ORDER BY a.sort_at DESC, a.id DESC
                LIMIT @limit
                """,
                new { limit }, cancellationToken: cancellationToken),
            (article, feed) => (article.ToArticle(), feed.ToFeed()),
            splitOn: "Id");
        return rows.ToList();
    }

    public async Task<ArticlePage> QueryAsync(ArticleFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = ArticleFilterSql.Build(filter);
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id {where}",
            parameters, cancellationToken: cancellationToken));
        var rows = await ReadAsync(connection, $"{where} ORDER BY a.sort_at DESC, a.id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken);
        return new ArticlePage(rows.ToList(), total);
    }

    public async Task<IReadOnlyList<StoredStory>> GetNewestStoriesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A story shows as its earliest article; walking the newest-first index, every other
        // member is skipped by one seek on (story_id, sort_at, id).
        var primaries = (await ReadAsync(connection,
            $"WHERE {ArticleFilterSql.StoryPrimary} AND {ArticleFilterSql.Subscribed} ORDER BY a.sort_at DESC, a.id DESC LIMIT @limit",
            new { limit }, cancellationToken)).ToList();
        var storyIds = primaries.Select(p => p.Article.StoryId).ToList();
        var others = (await ReadAsync(connection, $"WHERE a.story_id IN @storyIds AND {ArticleFilterSql.Subscribed} ORDER BY a.sort_at, a.id", new { storyIds }, cancellationToken))
            .Where(m => primaries.All(p => p.Article.Id != m.Article.Id))
            .ToLookup(m => m.Article.StoryId);
        return primaries.Select(p => new StoredStory(p.Article, p.Source, others[p.Article.StoryId].ToList())).ToList();
    }

    public async Task<IReadOnlyList<(Article Article, Feed Source)>> GetStoryAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await ReadAsync(connection,
            """
            WHERE a.story_id = (SELECT story_id FROM articles WHERE id = @articleId)
            ORDER BY a.sort_at, a.id
            """, new { articleId }, cancellationToken)).ToList();
    }

    public async Task<long?> FindIdAsync(string publicId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM articles WHERE public_id = @publicId", new { publicId }, cancellationToken: cancellationToken));
    }

    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var index = new StoryIndex(connection, transaction, cancellationToken);
        var parameters = new { cutoff = UnixTime.ToDb(cutoff), now = UnixTime.ToDb(now) };
        var removed = (await connection.QueryAsync<(long Id, byte[]? Fingerprint)>(new CommandDefinition(
            "SELECT id, fingerprint FROM articles WHERE sort_at < @cutoff", parameters, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (id, fingerprint) in removed)
            await index.RemoveBucketsAsync(id, fingerprint);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR REPLACE INTO tombstones (feed_id, key, url, removed_at)
            SELECT feed_id, key, url, @now FROM articles WHERE sort_at < @cutoff;
            DELETE FROM articles WHERE sort_at < @cutoff;
            """, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return removed.Count;
    }

    private static async Task<IEnumerable<(Article Article, Feed Source)>> ReadAsync(
        SqliteConnection connection, string where, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedColumnsAliased}
                FROM articles a JOIN feeds f ON f.id = a.feed_id
                {where}
                """,
                parameters, cancellationToken: cancellationToken),
            (article, feed) => (article.ToArticle(), feed.ToFeed()),
            splitOn: "Id");

    public async Task<IReadOnlyDictionary<long, int>> CountByFeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long FeedId, long Count)>(new CommandDefinition(
            "SELECT feed_id, count(*) FROM articles GROUP BY feed_id", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.FeedId, r => (int)r.Count);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM store_version WHERE id = 1", cancellationToken: cancellationToken));
    }

    /// <summary>The public id of a new article: a tag: URI from where it was first seen and its key.</summary>
    internal static string PublicIdFor(string feedUrl, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(feedUrl + "\n" + key));
        return TagPrefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    // The feed columns of FeedRow.Columns read from alias f, minus the id that splits the row.
    private static readonly string FeedColumnsAliased = string.Join(", ",
        FeedRow.Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.StartsWith("id ", StringComparison.Ordinal))
            .Select(c => "f." + c));
}
