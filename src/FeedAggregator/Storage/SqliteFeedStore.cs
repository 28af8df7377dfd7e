using Dapper;
using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>The SQLite implementation of <see cref="IFeedStore"/>.</summary>
public sealed class SqliteFeedStore(SqliteConnectionFactory connections) : IFeedStore
{
    public async Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE origin = 'opml' ORDER BY lower(coalesce(title, url)), id",
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

    public async Task<IReadOnlyList<Feed>> GetDueAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"""
            SELECT {FeedRow.Columns} FROM feeds
            WHERE origin = 'opml' AND status <> 'gone'
              AND (retry_after_at IS NULL OR retry_after_at <= @now)
              AND (@force OR next_poll_at IS NULL OR next_poll_at <= @now)
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
        var existing = (await connection.QueryAsync<FeedRow>(new CommandDefinition(
                $"SELECT {FeedRow.Columns} FROM feeds WHERE origin = 'opml'", transaction: transaction,
                cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Url, StringComparer.Ordinal);

        int added = 0, updated = 0, removed = 0;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscription in subscriptions)
        {
            if (!wanted.Add(subscription.Url))
                continue;
            var interval = (long?)subscription.Interval?.TotalSeconds;
            if (!existing.TryGetValue(subscription.Url, out var row))
            {
                added += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO feeds (url, origin, title, site_url, category, interval_seconds, created_at)
                    VALUES (@Url, 'opml', @Title, @SiteUrl, @Category, @interval, @now)
                    """,
                    new { subscription.Url, subscription.Title, subscription.SiteUrl, subscription.Category, interval, now = UnixTime.ToDb(now) },
                    transaction, cancellationToken: cancellationToken));
            }
            else if ((subscription.Title is not null && row.Title != subscription.Title) || row.Category != subscription.Category
                     || row.IntervalSeconds != interval
                     || (subscription.SiteUrl is not null && row.SiteUrl != subscription.SiteUrl))
            {
                updated += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE feeds SET title = coalesce(@Title, title), category = @Category, interval_seconds = @interval,
                                     site_url = coalesce(@SiteUrl, site_url)
                    WHERE id = @id
                    """,
                    new { subscription.Title, subscription.Category, subscription.SiteUrl, interval, id = row.Id },
                    transaction, cancellationToken: cancellationToken));
            }
        }

        foreach (var row in existing.Values.Where(r => !wanted.Contains(r.Url)))
        {
            // Its articles go with it (ON DELETE CASCADE): an unsubscribed feed leaves the merged feed.
            removed += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM feeds WHERE id = @id", new { id = row.Id }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new SubscriptionChanges(added, removed, updated);
    }

    public async Task<Feed> EnsureSeedFeedAsync(string url, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feeds (url, origin, title, status, created_at) VALUES (@url, 'seed', @title, 'ok', @now)
            ON CONFLICT (url) DO UPDATE SET title = excluded.title
            """,
            new { url, title, now = UnixTime.ToDb(now) }, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE url = @url", new { url }, cancellationToken: cancellationToken));
        return row.ToFeed();
    }

    public async Task UpdatePollStateAsync(Feed feed, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await FeedPollStateWriter.WriteAsync(connection, null, feed, cancellationToken);
    }

    public async Task<long> GetStateVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version + feeds_version FROM store_version WHERE id = 1", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Feed>> GetHeldAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"SELECT {FeedRow.Columns} FROM feeds WHERE origin = 'opml' AND retry_after_at > @now",
            new { now = UnixTime.ToDb(now) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFeed()).ToList();
    }

    public async Task<bool> MoveAsync(long id, string newUrl, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE feeds SET url = @newUrl
            WHERE id = @id AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = @newUrl)
            """,
            new { id, newUrl }, cancellationToken: cancellationToken));
        return moved == 1;
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
