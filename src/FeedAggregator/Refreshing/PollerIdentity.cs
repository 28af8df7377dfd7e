namespace FeedAggregator.Refreshing;

/// <summary>
/// The name this process's leases carry in the store: the machine and process, and a random part,
/// so that a restarted process (same pid in a container) never takes its predecessor's leases for its own.
/// </summary>
public sealed class PollerIdentity
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public override string ToString() => Name;
}
