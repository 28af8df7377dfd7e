using Dapper;
using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>The SQLite implementation of <see cref="IFeedStore"/>.</summary>
/// <param name="time">The clock that stamps when a poll's lease ended (the poll cycle's clock).</param>
public sealed class SqliteFeedStore(SqliteConnectionFactory connections, TimeProvider? time = null) : IFeedStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE origin = 'opml' AND removed_at IS NULL ORDER BY lower(coalesce(title, url)), id",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFeed()).ToList();
    }

    public async Task<IReadOnlyList<Feed>> ListRemovedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE origin = 'opml' AND removed_at IS NOT NULL ORDER BY removed_at, id",
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFeed()).ToList();
    }

    public async Task<Feed?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToFeed();
    }

    // A subscribed feed that may be polled now (forced: whatever its next poll time).
    private const string Due = """
        origin = 'opml' AND removed_at IS NULL AND status <> 'gone'
          AND (retry_after_at IS NULL OR retry_after_at <= @now)
          AND (@force OR next_poll_at IS NULL OR next_poll_at <= @now)
        """;

    public async Task<int> CountDueAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM feeds WHERE {Due}", new { now = UnixTime.ToDb(now), force }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Feed>> GetDueAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"""
            SELECT {FeedRow.Columns} FROM feeds WHERE {Due}
            ORDER BY coalesce(next_poll_at, 0), id
            """,
            new { now = UnixTime.ToDb(now), force },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFeed()).ToList();
    }

    public async Task<SubscriptionChanges> SyncSubscriptionsAsync(
        IReadOnlyList<Subscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Only the columns the plan compares: this runs at the start of every poll, over every feed.
        var plan = SubscriptionPlan.Of(subscriptions, await connection.QueryAsync<FeedRow>(new CommandDefinition(
            """
            SELECT id AS Id, url AS Url, title AS Title, site_url AS SiteUrl, category AS Category,
                   interval_seconds AS IntervalSeconds, removed_at AS RemovedAt
            FROM feeds WHERE origin = 'opml'
            """, transaction: transaction, cancellationToken: cancellationToken)));
        // A first import adds thousands of rows: one statement compiled once, not a command per row.
        if (plan.Add.Count > 0)
        {
            using var insert = new PreparedCommand(connection, """
                INSERT INTO feeds (url, origin, title, site_url, category, interval_seconds, created_at, host)
                VALUES (@url, 'opml', @title, @siteUrl, @category, @interval, @now, @host)
                """, "url", "title", "siteUrl", "category", "interval", "now", "host");
            var created = UnixTime.ToDb(now);
            foreach (var subscription in plan.Add)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.With(transaction, subscription.Url, subscription.Title, subscription.SiteUrl, subscription.Category,
                    SubscriptionPlan.IntervalSeconds(subscription), created, Feed.HostOf(subscription.Url)).Execute();
            }
        }

        // Back within the grace period: their articles and poll state come back with them.
        if (plan.Restore.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE feeds SET removed_at = NULL WHERE id IN (SELECT value FROM json_each(@ids))",
                new { ids = DocumentLookup.JsonArray(plan.Restore) }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var (id, subscription) in plan.Update)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE feeds SET title = coalesce(@Title, title), category = @Category, interval_seconds = @interval,
                                 site_url = coalesce(@SiteUrl, site_url)
                WHERE id = @id
                """,
                new { subscription.Title, subscription.Category, subscription.SiteUrl, interval = SubscriptionPlan.IntervalSeconds(subscription), id },
                transaction, cancellationToken: cancellationToken));
        }

        if (plan.Remove.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE feeds SET removed_at = @now WHERE id IN (SELECT value FROM json_each(@ids))",
                new { ids = DocumentLookup.JsonArray(plan.Remove), now = UnixTime.ToDb(now) }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return plan.Changes;
    }

    public async Task<Feed> EnsureSeedFeedAsync(string url, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feeds (url, origin, title, status, created_at) VALUES (@url, 'seed', @title, 'ok', @now)
            ON CONFLICT (url) DO UPDATE SET title = excluded.title WHERE title IS NOT excluded.title
            """,
            new { url, title, now = UnixTime.ToDb(now) }, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE url = @url", new { url }, cancellationToken: cancellationToken));
        return row.ToFeed();
    }

    public Task CheckWritableAsync(CancellationToken cancellationToken) =>
        connections.WriteAsync(writer =>
        {
            writer.Probe();
            return true;
        }, cancellationToken);

    public Task UpdatePollStateAsync(Feed feed, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer => writer.SavePollState(feed, _time.GetUtcNow()), cancellationToken);

    public async Task<long> GetStateVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version + feeds_version FROM store_version WHERE id = 1", cancellationToken: cancellationToken));
    }

    public async Task<bool> MoveAsync(long id, string newUrl, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE feeds SET url = @newUrl, host = CASE WHEN discovered_url IS NULL THEN @host ELSE host END
            WHERE id = @id AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = @newUrl)
            """,
            new { id, newUrl, host = Feed.HostOf(newUrl) }, cancellationToken: cancellationToken));
        return moved == 1;
    }

    public async Task<PurgedFeed?> PurgeAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM feeds WHERE url = @url AND origin = 'opml'", new { url }, transaction, cancellationToken: cancellationToken));
        if (id is null)
            return null;
        var purged = await PurgeAsync(connection, transaction, id.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task<IReadOnlyList<PurgedFeed>> PurgeRemovedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM feeds WHERE origin = 'opml' AND removed_at < @cutoff",
            new { cutoff = UnixTime.ToDb(cutoff) }, transaction, cancellationToken: cancellationToken));
        var purged = new List<PurgedFeed>();
        foreach (var id in ids.ToList())
            purged.Add(await PurgeAsync(connection, transaction, id, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    private static async Task<PurgedFeed> PurgeAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken)
    {
        // The feed row takes its articles and tombstones with it (ON DELETE CASCADE); the LSH
        // buckets have no foreign key, so they go first.
        var purged = await connection.QuerySingleAsync<PurgedFeed>(new CommandDefinition(
            """
            SELECT url AS Url,
                   (SELECT count(*) FROM articles WHERE feed_id = @id) AS Articles,
                   (SELECT count(*) FROM tombstones WHERE feed_id = @id) AS Tombstones
            FROM feeds WHERE id = @id
            """, new { id }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM story_buckets WHERE article_id IN (SELECT id FROM articles WHERE feed_id = @id);
            DELETE FROM feeds WHERE id = @id;
            """, new { id }, transaction, cancellationToken: cancellationToken));
        return purged;
    }

    public async Task<bool> ReactivateAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var reactivated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE feeds SET status = 'new', last_error = NULL, consecutive_errors = 0, next_poll_at = NULL
            WHERE url = @url AND origin = 'opml' AND status = 'gone'
            """,
            new { url }, cancellationToken: cancellationToken));
        return reactivated == 1;
    }
}
