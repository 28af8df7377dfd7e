using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The name a poller's leases carry, and which of those names belong to a process of this machine that has ended.</summary>
public sealed class PollerIdentityTests
{
    // No process has this pid (above Linux's pid_max).
    private static readonly string NoSuchPid = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_poller_is_named_for_its_machine_and_process_with_a_random_part_of_its_own()
    {
        var first = new PollerIdentity();
        var second = new PollerIdentity();

        var parts = first.Name.Split('/');
        Assert.Equal(3, parts.Length);
        Assert.Equal(Environment.MachineName, parts[0]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        Assert.Matches("^[0-9a-f]{8}$", parts[2]);
        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(first.Name, first.ToString());
    }

    [Fact]
    public void A_lease_of_a_process_of_this_machine_that_is_gone_is_an_ended_poller()
    {
        Assert.True(PollerIdentity.HasEndedHere($"{Environment.MachineName}/{NoSuchPid}/0123abcd#1"));
    }

    [Fact]
    public void This_process_another_machine_and_names_not_made_by_a_poller_are_never_judged_ended()
    {
        Assert.False(PollerIdentity.HasEndedHere(new PollerIdentity().Name + "#1"));
        Assert.False(PollerIdentity.HasEndedHere($"other-machine/{NoSuchPid}/0123abcd#1"));
        Assert.False(PollerIdentity.HasEndedHere($"{Environment.MachineName}/{NoSuchPid}"));
        Assert.False(PollerIdentity.HasEndedHere($"{Environment.MachineName}/not-a-pid/0123abcd#1"));
        Assert.False(PollerIdentity.HasEndedHere(""));
    }
}
