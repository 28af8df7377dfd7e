using Dapper;
using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The SQLite implementation of <see cref="IPollLeases"/>. SQLite has one writer at a time, so
/// each claim (on the process's writing connection, in an IMMEDIATE transaction) sees every other
/// process's claims: taking a host and its feeds in one transaction is enough to keep two pollers
/// apart. Other processes' leases are seen through the same file.
/// </summary>
public sealed class SqlitePollLeases(SqliteConnectionFactory connections) : IPollLeases
{
    // A feed a claim may take: subscribed and pollable, no lease running, and due (or, forced,
    // not polled since the forced run began, by another poller or by this run itself).
    private const string Claimable = """
        f.origin = 'opml' AND f.removed_at IS NULL AND f.status <> 'gone'
        AND (f.retry_after_at IS NULL OR f.retry_after_at <= @now)
        AND (f.leased_until IS NULL OR f.leased_until <= @now)
        AND (CASE WHEN @force THEN (f.leased_until IS NULL OR f.leased_until <= @cycleStart) AND f.lease_owner IS NOT @owner
                  ELSE f.next_poll_at IS NULL OR f.next_poll_at <= @now END)
        """;

    public Task<IReadOnlyList<ClaimedHost>> ClaimAsync(PollClaim claim, int hostCount, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer => Claim(writer, claim, hostCount), cancellationToken);

    private static IReadOnlyList<ClaimedHost> Claim(StoreWriter writer, PollClaim claim, int hostCount)
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
        var connection = writer.Connection;
        using var transaction = writer.Begin();

        // A host seen for the first time gets its row; then the free hosts with work are taken.
        connection.Execute(
            $"INSERT OR IGNORE INTO hosts (host) SELECT DISTINCT f.host FROM feeds f WHERE f.host IS NOT NULL AND {Claimable}",
            parameters, transaction);
        var hosts = connection.Query<HostRow>(
            $"""
            UPDATE hosts SET owner = @owner, owned_until = @until
            WHERE host IN (SELECT h.host FROM hosts h
                           WHERE (h.owned_until IS NULL OR h.owned_until <= @now)
                             AND EXISTS (SELECT 1 FROM feeds f WHERE f.host = h.host AND {Claimable})
                           LIMIT @count)
            RETURNING host AS Host, next_start_at AS NextStartAt, held_until AS HeldUntil
            """,
            parameters, transaction).ToList();
        if (hosts.Count == 0)
        {
            transaction.Commit();
            return [];
        }

        var names = DocumentLookup.JsonArray(hosts.Select(h => h.Host));
        var feeds = connection.Query<FeedRow>(
            $"""
            UPDATE feeds AS f SET leased_until = @until, lease_owner = @owner
            WHERE f.host IN (SELECT value FROM json_each(@names)) AND {Claimable}
            RETURNING {FeedRow.Columns}
            """,
            new { parameters.owner, parameters.now, parameters.until, parameters.force, parameters.cycleStart, names }, transaction).ToList();
        // A feed's Retry-After holds its host: its other feeds wait without a request.
        var retryAfter = connection.Query<(string Host, long Until)>(
            """
            SELECT host, max(retry_after_at) FROM feeds
            WHERE host IN (SELECT value FROM json_each(@names)) AND retry_after_at > @now
            GROUP BY host
            """,
            new { names, parameters.now }, transaction).ToDictionary(r => r.Host, r => r.Until);
        transaction.Commit();

        var byHost = feeds.Select(f => f.ToFeed()).ToLookup(f => f.Host);
        return [.. hosts.Select(h => new ClaimedHost(
            h.Host,
            UnixTime.FromDb(h.NextStartAt),
            UnixTime.FromDb(Later(h.HeldUntil, retryAfter.TryGetValue(h.Host, out var until) ? until : null)),
            [.. byHost[h.Host].OrderBy(f => f.NextPollAt ?? DateTimeOffset.MinValue).ThenBy(f => f.Id)]))];
    }

    public Task RenewAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            UPDATE hosts SET owned_until = @until WHERE owner = @owner AND owned_until > @now;
            UPDATE feeds SET leased_until = @until WHERE lease_owner = @owner AND leased_until > @now;
            """,
            new { owner, now = UnixTime.ToDb(now), until = UnixTime.ToDb(until) }, cancellationToken);

    public Task ReleaseHostAsync(string owner, HostRelease release, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            UPDATE hosts SET owner = NULL, owned_until = NULL,
                             next_start_at = max(coalesce(next_start_at, 0), coalesce(@nextStartAt, 0)),
                             held_until = nullif(max(coalesce(held_until, 0), coalesce(@heldUntil, 0)), 0)
            WHERE host = @host AND owner = @owner
            """,
            new { owner, host = release.Host, nextStartAt = UnixTime.ToDb(release.NextStartAt), heldUntil = UnixTime.ToDb(release.HeldUntil) },
            cancellationToken);

    public Task ReleaseAllAsync(string owner, DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            UPDATE hosts SET owner = NULL, owned_until = NULL, next_start_at = max(coalesce(next_start_at, 0), @nextStartAt)
            WHERE owner = @owner;
            UPDATE feeds SET leased_until = NULL, lease_owner = NULL WHERE lease_owner = @owner AND leased_until > @now;
            """,
            new { owner, now = UnixTime.ToDb(now), nextStartAt = UnixTime.ToDb(now + gap) }, cancellationToken);

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

    private Task<int> WriteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connections.WriteAsync(writer =>
        {
            using var transaction = writer.Begin();
            var changed = writer.Connection.Execute(sql, parameters, transaction);
            transaction.Commit();
            return changed;
        }, cancellationToken);

    private static long? Later(long? a, long? b) => a > b || b is null ? a : b;

    private sealed record HostRow(string Host, long? NextStartAt, long? HeldUntil);
}
