using Dapper;
using FeedAggregator.Model;
using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>The PostgreSQL implementation of <see cref="IWebSubStore"/> (schema step 3).</summary>
public sealed class PostgresWebSubStore(PostgresConnections connections) : IWebSubStore
{
    public async Task<IReadOnlyList<HubSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WebSubRow>(new CommandDefinition(
            $"SELECT {WebSubRow.Columns} FROM websub_subscriptions ORDER BY feed_id, id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    public async Task<HubSubscription?> FindAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WebSubRow>(new CommandDefinition(
            $"SELECT {WebSubRow.Columns} FROM websub_subscriptions WHERE token = @token", new { token }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    public async Task<HubSubscription?> AddAsync(
        long feedId, HubLink link, string token, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Only for a feed that is subscribed now; the partial unique index keeps one live row per feed.
        var row = await connection.QuerySingleOrDefaultAsync<WebSubRow>(new CommandDefinition(
            $"""
            INSERT INTO websub_subscriptions (feed_id, hub, topic, token, secret, state, requested_at, attempts, created_at)
            SELECT id, @hub, @topic, @token, @secret, 'subscribing', @now, 1, @now
            FROM feeds WHERE id = @feedId AND origin = 'opml' AND removed_at IS NULL
            ON CONFLICT DO NOTHING
            RETURNING {WebSubRow.Columns}
            """,
            new { feedId, hub = link.Hub, topic = link.Topic, token, secret, now = UnixTime.ToDb(now) },
            cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    public Task RequestedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE websub_subscriptions
        SET requested_at = @now, attempts = attempts + 1, retry_at = NULL,
            state = CASE WHEN state = 'failed' THEN 'subscribing' ELSE state END
        WHERE id = @id
        """, new { id, now = UnixTime.ToDb(now) }, cancellationToken);

    public Task VerifiedAsync(long id, DateTimeOffset now, DateTimeOffset leaseUntil, bool renewal, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE websub_subscriptions
        SET state = 'verified', verified_at = @now, lease_until = @leaseUntil, requested_at = NULL, attempts = 0,
            retry_at = NULL, last_error = NULL
        WHERE id = @id AND state <> 'unsubscribing';
        UPDATE feeds SET push_until = @leaseUntil,
                         push_seen_at = CASE WHEN @renewal AND push_seen_at IS NOT NULL THEN push_seen_at ELSE @now END
        WHERE id = (SELECT feed_id FROM websub_subscriptions WHERE id = @id AND state = 'verified');
        """, new { id, now = UnixTime.ToDb(now), leaseUntil = UnixTime.ToDb(leaseUntil), renewal }, cancellationToken);

    public Task FailedAsync(long id, string error, DateTimeOffset retryAt, bool keepVerified, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE websub_subscriptions
        SET state = CASE WHEN @keepVerified AND state = 'verified' THEN state ELSE 'failed' END,
            last_error = @error, retry_at = @retryAt, requested_at = NULL
        WHERE id = @id AND state <> 'unsubscribing';
        UPDATE feeds SET push_until = NULL
        WHERE id = (SELECT feed_id FROM websub_subscriptions WHERE id = @id AND state = 'failed');
        """, new { id, error, retryAt = UnixTime.ToDb(retryAt), keepVerified }, cancellationToken);

    public Task UnsubscribingAsync(long id, DateTimeOffset? requestedAt, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE feeds SET push_until = NULL
        WHERE id = (SELECT feed_id FROM websub_subscriptions WHERE id = @id AND state <> 'unsubscribing');
        UPDATE websub_subscriptions SET state = 'unsubscribing', requested_at = @requestedAt, retry_at = NULL WHERE id = @id;
        """, new { id, requestedAt = UnixTime.ToDb(requestedAt) }, cancellationToken);

    public Task DeleteAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM websub_subscriptions WHERE id = @id", new { id }, cancellationToken);

    public Task PushedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE websub_subscriptions SET last_push_at = @now, pushes = pushes + 1 WHERE id = @id;
        UPDATE feeds SET push_seen_at = @now
        WHERE id = (SELECT feed_id FROM websub_subscriptions WHERE id = @id AND state <> 'unsubscribing');
        """, new { id, now = UnixTime.ToDb(now) }, cancellationToken);

    public Task RejectedAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE websub_subscriptions SET rejected = rejected + 1 WHERE id = @id", new { id }, cancellationToken);

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
