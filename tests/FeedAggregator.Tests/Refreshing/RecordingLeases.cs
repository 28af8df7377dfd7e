using System.Collections.Concurrent;
using FeedAggregator.Storage;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// The real leases, with the calls a poll pass makes recorded, and the writes a test names refused
/// as a store that is failing refuses them.
/// </summary>
internal sealed class RecordingLeases(IPollLeases inner) : IPollLeases
{
    public ConcurrentQueue<int> ClaimSizes { get; } = new();
    public ConcurrentQueue<(string Owner, DateTimeOffset Now, DateTimeOffset Until)> Renewals { get; } = new();
    public TaskCompletionSource Renewed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool RefuseRenewals { get; init; }
    public bool RefuseHostReleases { get; init; }
    public bool RefuseReleaseAll { get; init; }

    public Task<IReadOnlyList<ClaimedHost>> ClaimAsync(PollClaim claim, int hostCount, CancellationToken cancellationToken)
    {
        ClaimSizes.Enqueue(hostCount);
        return inner.ClaimAsync(claim, hostCount, cancellationToken);
    }

    public async Task RenewAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            if (RefuseRenewals)
                throw Refused();
            await inner.RenewAsync(owner, now, until, cancellationToken);
        }
        finally
        {
            Renewals.Enqueue((owner, now, until));
            Renewed.TrySetResult();
        }
    }

    public Task ReleaseHostAsync(string owner, HostRelease release, CancellationToken cancellationToken) =>
        RefuseHostReleases ? Task.FromException(Refused()) : inner.ReleaseHostAsync(owner, release, cancellationToken);

    public Task ReleaseAllAsync(string owner, DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken) =>
        RefuseReleaseAll ? Task.FromException(Refused()) : inner.ReleaseAllAsync(owner, now, gap, cancellationToken);

    public Task<IReadOnlyList<string>> ListHoldersAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ListHoldersAsync(now, cancellationToken);

    private static SqliteException Refused() => new("database is locked", 5);
}
