using System.Security.Cryptography;
using System.Text;
using Dapper;
using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>The SQLite implementation of <see cref="IArticleStore"/>.</summary>
public sealed class SqliteArticleStore(SqliteConnectionFactory connections) : IArticleStore
{
    /// <summary>The tag: URI authority and date of every public id (RFC 4151); never change them.</summary>
    public const string TagPrefix = "tag:feedaggregator,2026:";

    public async Task<StoreSummary> SaveAsync(
        Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // One document may repeat an entry: the first occurrence wins, as readers show it.
        var unique = articles.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        var existing = (await connection.QueryAsync<(string Key, long Id, string ContentHash)>(new CommandDefinition(
                "SELECT key, id, content_hash FROM articles WHERE feed_id = @feedId AND key IN @keys",
                new { feedId = polledFeed.Id, keys = unique.Select(a => a.Key).ToList() },
                transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);

        int added = 0, updated = 0, unchanged = 0;
        foreach (var article in unique)
        {
            var parameters = new DynamicParameters(ArticleRow.Parameters(article, polledFeed.Id, now));
            if (!existing.TryGetValue(article.Key, out var stored))
            {
                parameters.Add("publicId", PublicIdFor(polledFeed.Url, article.Key));
                // The unique index is the last word: a concurrent writer's row is never doubled.
                added += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO articles (feed_id, key, public_id, source_id, url, title, summary_html, content_html,
                                          authors, categories, enclosures, published_at, updated_at, language,
                                          content_hash, first_seen_at, last_changed_at, sort_at)
                    VALUES (@feedId, @Key, @publicId, @SourceId, @Url, @Title, @SummaryHtml, @ContentHtml,
                            @authors, @categories, @enclosures, @publishedAt, @updatedAt, @Language,
                            @ContentHash, @now, @now, coalesce(@publishedAt, @now))
                    ON CONFLICT (feed_id, key) DO NOTHING
                    """,
                    parameters, transaction, cancellationToken: cancellationToken));
            }
            else if (stored.ContentHash != article.ContentHash)
            {
                parameters.Add("id", stored.Id);
                updated += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE articles SET
                        source_id = @SourceId, url = @Url, title = @Title, summary_html = @SummaryHtml,
                        content_html = @ContentHtml, authors = @authors, categories = @categories,
                        enclosures = @enclosures, published_at = @publishedAt,
                        updated_at = coalesce(@updatedAt, @now), language = @Language,
                        content_hash = @ContentHash, last_changed_at = @now,
                        sort_at = coalesce(@publishedAt, first_seen_at)
                    WHERE id = @id
                    """,
                    parameters, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                unchanged++;
            }
        }

        await FeedPollStateWriter.WriteAsync(connection, transaction, polledFeed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreSummary(added, updated, unchanged);
    }

    public async Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedColumnsAliased}
                FROM articles a JOIN feeds f ON f.id = a.feed_id
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
        var rows = await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedColumnsAliased}
                FROM articles a JOIN feeds f ON f.id = a.feed_id
                {where}
                ORDER BY a.sort_at DESC, a.id DESC
                LIMIT @limit OFFSET @offset
                """,
                parameters, cancellationToken: cancellationToken),
            (article, feed) => (article.ToArticle(), feed.ToFeed()),
            splitOn: "Id");
        return new ArticlePage(rows.ToList(), total);
    }

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
