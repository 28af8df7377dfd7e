using System.Diagnostics;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The name this process's leases carry in the store: the machine and process, and a random part,
/// so that a restarted process (same pid in a container) never takes its predecessor's leases for its own.
/// </summary>
public sealed class PollerIdentity
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Whether <paramref name="holder"/> (a lease's poller) was a process of this machine that has
    /// ended: killed, or exited on a store that refused to take its leases back. Its leases need not
    /// wait for Polling:LeaseTimeout. A poller of another machine is never judged here.
    /// </summary>
    public static bool HasEndedHere(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid) || pid == Environment.ProcessId)
            return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    public override string ToString() => Name;
}
