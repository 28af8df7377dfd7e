using Dapper;
using FeedAggregator.Model;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// The PostgreSQL implementation of <see cref="IPollLeases"/>: any number of workers claim at once.
/// A claim locks the rows it takes with FOR UPDATE SKIP LOCKED, so that two workers claiming
/// together take different hosts (and different feeds) instead of waiting for each other; each
/// row it takes is checked again once locked, so a host another worker just took is never taken twice.
/// </summary>
public sealed class PostgresPollLeases(PostgresConnections connections) : IPollLeases
{
    // A feed a claim may take: subscribed and pollable, no lease running, and due (or, forced,
    // not polled since the forced run began, by another poller or by this run itself).
    private const string Claimable = """
        f.origin = 'opml' AND f.removed_at IS NULL AND f.status <> 'gone'
        AND (f.retry_after_at IS NULL OR f.retry_after_at <= @now)
        AND (f.leased_until IS NULL OR f.leased_until <= @now)
        AND (CASE WHEN @force THEN (f.leased_until IS NULL OR f.leased_until <= @cycleStart) AND f.lease_owner IS DISTINCT FROM @owner
                  ELSE f.next_poll_at IS NULL OR f.next_poll_at <= @now END)
        """;

    public async Task<IReadOnlyList<ClaimedHost>> ClaimAsync(PollClaim claim, int hostCount, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            owner = claim.Owner,
            now = UnixTime.ToDb(claim.Now),
            until = UnixTime.ToDb(claim.Until),
            force = claim.Force,
            cycleStart = UnixTime.ToDb(claim.CycleStart ?? claim.Now),
            count = hostCount,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // A host seen for the first time gets its row; then free hosts with work are taken.
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO hosts (host)
            SELECT DISTINCT f.host FROM feeds f
            WHERE f.host IS NOT NULL AND {Claimable} AND NOT EXISTS (SELECT 1 FROM hosts h WHERE h.host = f.host)
            ON CONFLICT (host) DO NOTHING
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        var hosts = (await connection.QueryAsync<HostRow>(new CommandDefinition(
            $"""
            UPDATE hosts SET owner = @owner, owned_until = @until
            WHERE host IN (SELECT h.host FROM hosts h
                           WHERE (h.owned_until IS NULL OR h.owned_until <= @now)
                             AND EXISTS (SELECT 1 FROM feeds f WHERE f.host = h.host AND {Claimable})
                           LIMIT @count
                           FOR UPDATE OF h SKIP LOCKED)
              AND (owned_until IS NULL OR owned_until <= @now)
            RETURNING host AS Host, next_start_at AS NextStartAt, held_until AS HeldUntil
            """,
            parameters, transaction, cancellationToken: cancellationToken))).ToList();
        if (hosts.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return [];
        }

        var names = hosts.Select(h => h.Host).ToArray();
        var feeds = (await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"""
            UPDATE feeds SET leased_until = @until, lease_owner = @owner
            WHERE id IN (SELECT f.id FROM feeds f WHERE f.host = ANY(@names) AND {Claimable} FOR UPDATE SKIP LOCKED)
            RETURNING {FeedRow.Columns}
            """,
            new { parameters.owner, parameters.now, parameters.until, parameters.force, parameters.cycleStart, names },
            transaction, cancellationToken: cancellationToken))).ToList();
        // A feed's Retry-After holds its host: its other feeds wait without a request.
        var retryAfter = (await connection.QueryAsync<(string Host, long Until)>(new CommandDefinition(
            """
            SELECT host, max(retry_after_at) FROM feeds
            WHERE host = ANY(@names) AND retry_after_at > @now
            GROUP BY host
            """,
            new { names, parameters.now }, transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Host, r => r.Until);
        await transaction.CommitAsync(cancellationToken);

        var byHost = feeds.Select(f => f.ToFeed()).ToLookup(f => f.Host);
        return [.. hosts.Select(h => new ClaimedHost(
            h.Host,
            UnixTime.FromDb(h.NextStartAt),
            UnixTime.FromDb(Later(h.HeldUntil, retryAfter.TryGetValue(h.Host, out var until) ? until : null)),
            [.. byHost[h.Host].OrderBy(f => f.NextPollAt ?? DateTimeOffset.MinValue).ThenBy(f => f.Id)]))];
    }

    public async Task RenewAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            // A row locked now is being written by this poller (a feed's poll state, which ends its
            // lease; a host given back): it is skipped, never waited for, so that renewing cannot
            // deadlock with the writer's transactions, which lock the same rows in another order.
            """
            UPDATE hosts SET owned_until = @until
            WHERE host IN (SELECT host FROM hosts WHERE owner = @owner AND owned_until > @now FOR UPDATE SKIP LOCKED);
            UPDATE feeds SET leased_until = @until
            WHERE id IN (SELECT id FROM feeds WHERE lease_owner = @owner AND leased_until > @now FOR UPDATE SKIP LOCKED);
            """,
            new { owner, now = UnixTime.ToDb(now), until = UnixTime.ToDb(until) }, cancellationToken: cancellationToken));
    }

    public async Task ReleaseHostAsync(string owner, HostRelease release, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE hosts SET owner = NULL, owned_until = NULL,
                             next_start_at = GREATEST(next_start_at, @nextStartAt),
                             held_until = GREATEST(held_until, @heldUntil)
            WHERE host = @host AND owner = @owner
            """,
            new { owner, host = release.Host, nextStartAt = UnixTime.ToDb(release.NextStartAt), heldUntil = UnixTime.ToDb(release.HeldUntil) },
            cancellationToken: cancellationToken));
    }

    public async Task ReleaseAllAsync(string owner, DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE hosts SET owner = NULL, owned_until = NULL, next_start_at = GREATEST(next_start_at, @nextStartAt)
            WHERE owner = @owner;
            UPDATE feeds SET leased_until = NULL, lease_owner = NULL WHERE lease_owner = @owner AND leased_until > @now;
            """,
            new { owner, now = UnixTime.ToDb(now), nextStartAt = UnixTime.ToDb(now + gap) }, cancellationToken: cancellationToken));
    }

    private static long? Later(long? a, long? b) => a > b || b is null ? a : b;

    private sealed record HostRow(string Host, long? NextStartAt, long? HeldUntil);

    public async Task<IReadOnlyList<string>> ListHoldersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var holders = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT owner FROM hosts WHERE owner IS NOT NULL AND owned_until > @now
            UNION
            SELECT lease_owner FROM feeds WHERE lease_owner IS NOT NULL AND leased_until > @now
            """,
            new { now = UnixTime.ToDb(now) }, cancellationToken: cancellationToken));
        return [.. holders];
    }
}
