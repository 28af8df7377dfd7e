using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>
/// Who polls what, across processes and machines sharing one store. A poller takes hosts: while
/// it holds one, it alone contacts that host (so MinHostGap, the per-host concurrency and a
/// Retry-After hold everywhere), and it takes that host's feeds that are due, each under a lease.
/// A feed's lease ends when its poll is stored (any write of its poll state) or, when the poller
/// dies, when it expires; a host goes back with the earliest time the next request may start.
/// </summary>
public interface IPollLeases
{
    /// <summary>
    /// Takes up to <paramref name="hostCount"/> hosts that have feeds to poll and that no other
    /// poller holds, with the feeds to poll on each (leased to <see cref="PollClaim.Owner"/>).
    /// Fewer, or none, when fewer are free.
    /// </summary>
    Task<IReadOnlyList<ClaimedHost>> ClaimAsync(PollClaim claim, int hostCount, CancellationToken cancellationToken);

    /// <summary>Extends to <paramref name="until"/> every lease the poller holds (hosts and feeds) that has not expired.</summary>
    Task RenewAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives a host back with its politeness state; nothing when the poller no longer holds it.</summary>
    Task ReleaseHostAsync(string owner, HostRelease release, CancellationToken cancellationToken);

    /// <summary>
    /// Ends every lease the poller still holds (a cycle that stopped early): its feeds become
    /// pollable again, and its hosts wait at least <paramref name="gap"/> from <paramref name="now"/>.
    /// </summary>
    Task ReleaseAllAsync(string owner, DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken);

    /// <summary>The pollers that hold a lease (a host or a feed) that has not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> ListHoldersAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What a poller asks for when it claims.</summary>
/// <param name="Owner">
/// The poll run (one at a time per process): its leases carry this name, and a feed keeps the
/// name of the run that last held it.
/// </param>
/// <param name="Until">When the leases taken now expire unless renewed.</param>
/// <param name="Force">
/// Every active feed rather than the due ones (never a gone one, never one under Retry-After),
/// and none that this run or another poller polled since <paramref name="CycleStart"/>: a forced
/// run polls each feed once, not again after another process just polled it.
/// </param>
public sealed record PollClaim(string Owner, DateTimeOffset Now, DateTimeOffset Until, bool Force = false, DateTimeOffset? CycleStart = null);

/// <summary>A host taken by a poller, with its politeness state and the feeds to poll on it (oldest due first).</summary>
/// <param name="NextStartAt">The earliest a request to this host may start (the last one's start plus the gap).</param>
/// <param name="HeldUntil">The host's Retry-After, if one is running.</param>
public sealed record ClaimedHost(string Host, DateTimeOffset? NextStartAt, DateTimeOffset? HeldUntil, IReadOnlyList<Feed> Feeds);

/// <summary>A host given back, with what the next poller must respect.</summary>
public sealed record HostRelease(string Host, DateTimeOffset? NextStartAt, DateTimeOffset? HeldUntil);
