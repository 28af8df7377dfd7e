using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Stories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>The PostgreSQL implementation of <see cref="IArticleStore"/>.</summary>
/// <param name="time">The clock that stamps when a poll's lease ended (the poll cycle's clock).</param>
public sealed class PostgresArticleStore(
    PostgresConnections connections, IOptions<DedupeOptions>? options = null, TimeProvider? time = null) : IArticleStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private double Threshold => options?.Value.SimilarityThreshold ?? new DedupeOptions().SimilarityThreshold;

    public async Task<StoreSummary> SaveAsync(Feed polledFeed, IReadOnlyList<Article> articles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = (await SaveAllAsync([new DocumentWrite(polledFeed, articles, now)], cancellationToken))[0];
        return outcome.Summary ?? throw outcome.Error!;
    }

    /// <summary>
    /// Several polls in one transaction (one commit for a backlog); when that fails, each is
    /// written again in a transaction of its own, and only the one that fails alone fails.
    /// </summary>
    public async Task<IReadOnlyList<StoreOutcome>> SaveAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        var storedAt = _time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (writes.Count > 1)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var summaries = new List<StoreOutcome>(writes.Count);
                foreach (var write in writes)
                    summaries.Add(new StoreOutcome(await PostgresArticleWriter.SaveAsync(connection, transaction, write, Threshold, storedAt, cancellationToken)));
                await transaction.CommitAsync(cancellationToken);
                return summaries;
            }
            catch (PostgresException)
            {
                // Rolled back whole: each document on its own below.
            }
        }

        var outcomes = new List<StoreOutcome>(writes.Count);
        foreach (var write in writes)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var summary = await PostgresArticleWriter.SaveAsync(connection, transaction, write, Threshold, storedAt, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                outcomes.Add(new StoreOutcome(summary));
            }
            catch (PostgresException ex)
            {
                outcomes.Add(new StoreOutcome(null, ex));
            }
        }

        return outcomes;
    }

    public async Task<KnownEntries> GetKnownAsync(long feedId, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return KnownEntries.None;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await PostgresArticleWriter.LookupAsync(connection, null, feedId, [.. keys], [.. urls], [.. keys], cancellationToken)).Known;
    }

    public async Task<IReadOnlyList<(Article Article, Feed Source)>> GetNewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await ReadAsync(connection,
            $"WHERE {PostgresArticleFilterSql.Subscribed} ORDER BY a.sort_at DESC, a.id DESC LIMIT @limit", new { limit }, cancellationToken)).ToList();
    }

    public async Task<ArticlePage> QueryAsync(ArticleFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = PostgresArticleFilterSql.Build(filter);
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
            $"WHERE {PostgresArticleFilterSql.StoryPrimary} AND {PostgresArticleFilterSql.Subscribed} ORDER BY a.sort_at DESC, a.id DESC LIMIT @limit",
            new { limit }, cancellationToken)).ToList();
        var storyIds = primaries.Select(p => p.Article.StoryId).ToArray();
        var others = (await ReadAsync(connection,
                $"WHERE a.story_id = ANY(@storyIds) AND {PostgresArticleFilterSql.Subscribed} ORDER BY a.sort_at, a.id", new { storyIds }, cancellationToken))
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

    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int keepPerFeed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = new { cutoff = UnixTime.ToDb(cutoff), keep = keepPerFeed, now = UnixTime.ToDb(now) };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Each feed keeps its newest articles whatever their age: rank within the feed, newest
        // first, and expire only those past the rank that are also past the cutoff.
        var removed = (await connection.QueryAsync<(long Id, byte[]? Fingerprint)>(new CommandDefinition(
            """
            SELECT a.id, a.fingerprint FROM articles a
            JOIN (SELECT id, row_number() OVER (PARTITION BY feed_id ORDER BY sort_at DESC, id DESC) AS newest
                  FROM articles WHERE feed_id IN (SELECT DISTINCT feed_id FROM articles WHERE sort_at < @cutoff)) ranked
              ON ranked.id = a.id
            WHERE a.sort_at < @cutoff AND ranked.newest > @keep
            FOR UPDATE OF a
            """, parameters, transaction, cancellationToken: cancellationToken))).ToList();
        var ids = removed.Select(r => r.Id).ToArray();
        await PostgresStoryIndex.RemoveBucketsAsync(
            connection, transaction, ids, [.. removed.Select(r => TextFingerprint.FromBytes(r.Fingerprint))], cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tombstones (feed_id, key, url, removed_at)
            SELECT feed_id, key, url, @now FROM articles WHERE id = ANY(@ids)
            ON CONFLICT (feed_id, key) DO UPDATE SET url = excluded.url, removed_at = excluded.removed_at;
            DELETE FROM articles WHERE id = ANY(@ids);
            """, new { ids, now = UnixTime.ToDb(now) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return removed.Count;
    }

    public async Task<IReadOnlyDictionary<DateTimeOffset, int>> CountNewByHourAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        const long hourMs = 3_600_000;
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A range of the first_seen_at index (schema step 3).
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
            "SELECT (SELECT count(*) FROM articles), pg_database_size(current_database())",
            cancellationToken: cancellationToken));
        return new StoreStatistics(articles, bytes);
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
            "SELECT sum(version)::bigint FROM store_version", cancellationToken: cancellationToken));
    }

    private static async Task<IEnumerable<(Article Article, Feed Source)>> ReadAsync(
        NpgsqlConnection connection, string where, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<ArticleRow, FeedRow, (Article, Feed)>(new CommandDefinition(
                $"""
                SELECT {ArticleRow.Columns}, f.id AS Id, {FeedRow.JoinedColumns}
                FROM articles a JOIN feeds f ON f.id = a.feed_id
                {where}
                """,
                parameters, cancellationToken: cancellationToken),
            (article, feed) => (article.ToArticle(), feed.ToFeed()),
            splitOn: "Id");
}
