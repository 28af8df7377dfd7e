using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>The SQLite implementation of <see cref="IArticleStore"/>.</summary>
/// <param name="time">The clock that stamps when a poll's lease ended (the poll cycle's clock).</param>
public sealed class SqliteArticleStore(
    SqliteConnectionFactory connections, IOptions<DedupeOptions>? options = null, TimeProvider? time = null) : IArticleStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private double Threshold => options?.Value.SimilarityThreshold ?? new DedupeOptions().SimilarityThreshold;

    public Task<StoreSummary> SaveAsync(
        Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer => writer.Save(polledFeed, articles, now, Threshold, _time.GetUtcNow()), cancellationToken);

    public Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer => writer.SaveAll(writes, Threshold, _time.GetUtcNow()), cancellationToken);

    public async Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return KnownEntries.None;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DocumentLookup.Sql;
        object[] values = [feedId, DocumentLookup.JsonArray(keys), DocumentLookup.JsonArray(urls), DocumentLookup.JsonArray(keys)];
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue("@" + DocumentLookup.Names[i], values[i]);
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        return StoredEntries.Read(rows).Known;
    }

    public async Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedRow.JoinedColumns}
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
        var (where, count, parameters) = ArticleFilterSql.Build(filter);
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken));
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

    public Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer => writer.RemoveOlderThan(cutoff, keepPerFeed, now), cancellationToken);

    private static async Task<IEnumerable<(Article Article, Feed Source)>> ReadAsync(
        SqliteConnection connection, string where, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedRow.JoinedColumns}
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

    public async Task<IReadOnlyDictionary<DateTimeOffset, int>> CountNewByHourAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        const long hourMs = 3_600_000;
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A range of the first_seen_at index (schema step 9), counted without reading a row.
        var rows = await connection.QueryAsync<(long Hour, long Count)>(new CommandDefinition(
            """
            SELECT first_seen_at / @hourMs AS hour, count(*) FROM articles
            WHERE first_seen_at >= @since
            GROUP BY hour
            """,
            new { since = UnixTime.ToDb(since), hourMs }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => UnixTime.FromDb(r.Hour * hourMs), r => (int)r.Count);
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (articles, bytes) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM articles),
                   (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())
            """,
            cancellationToken: cancellationToken));
        return new StoreStatistics(articles, bytes);
    }

    // The feed columns of FeedRow.Columns read from alias f, minus the id that splits the row.
    private static readonly string FeedColumnsAliased = string.Join(", ",
        FeedRow.Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.StartsWith("id ", StringComparison.Ordinal))
            .Select(c => "f." + c));
}
