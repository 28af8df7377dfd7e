using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>How a poll pass hands out the feeds of the hosts it holds: new hosts first, host after host in turn, each given back when done.</summary>
public sealed class ClaimedHostsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ClaimedHost Host(string name, DateTimeOffset? nextStartAt = null) => new(name, nextStartAt, null, []);

    private static Feed[] FeedsOf(string host, int count) =>
        [.. Enumerable.Range(1, count).Select(n => new Feed { Id = n, Url = $"https://{host}/{n}" })];

    private static Dispatch Take(ClaimedHosts hosts, bool unstartedOnly = false)
    {
        Assert.True(hosts.TryTake(Now, unstartedOnly, out var next, out _));
        return next!;
    }

    [Fact]
    public void A_host_taken_in_is_unstarted_until_its_first_feed_is_handed_out_and_then_only_its_other_feeds_remain()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);
        Assert.False(hosts.HasUnstarted);

        Assert.Null(hosts.Add(Host("a.example"), FeedsOf("a.example", 2)));
        Assert.True(hosts.HasUnstarted);
        Assert.False(hosts.NothingQueued);

        Assert.Equal("https://a.example/1", Take(hosts, unstartedOnly: true).Feed.Url);
        Assert.False(hosts.HasUnstarted);
        // A started host's next feed is not a new host's first.
        Assert.False(hosts.TryTake(Now, unstartedOnly: true, out _, out _));
        Assert.Equal("https://a.example/2", Take(hosts).Feed.Url);
        Assert.True(hosts.NothingQueued);
    }

    [Fact]
    public void Each_host_taken_in_counts_until_started()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 1));
        hosts.Add(Host("b.example"), FeedsOf("b.example", 1));

        Take(hosts, unstartedOnly: true);
        Assert.True(hosts.HasUnstarted);
        Take(hosts, unstartedOnly: true);
        Assert.False(hosts.HasUnstarted);
    }

    [Fact]
    public void A_host_with_nothing_to_poll_is_given_back_at_once_and_never_counts()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);

        var back = hosts.Add(Host("a.example"), []);

        Assert.Equal("a.example", back!.Name);
        Assert.False(hosts.HasUnstarted);
        Assert.True(hosts.NothingQueued);
    }

    [Fact]
    public void When_every_host_is_in_its_gap_the_wait_is_until_the_earliest_gap_passes()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.FromSeconds(10));
        hosts.Add(Host("early.example", Now.AddSeconds(3)), FeedsOf("early.example", 1));
        hosts.Add(Host("late.example", Now.AddSeconds(7)), FeedsOf("late.example", 1));
        hosts.Add(Host("later.example", Now.AddSeconds(9)), FeedsOf("later.example", 1));

        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out var next, out var wakeAt));

        Assert.Null(next);
        Assert.Equal(Now.AddSeconds(3), wakeAt);
    }

    [Fact]
    public void A_host_whose_slots_are_all_taken_sets_no_wake_time_a_request_ending_wakes_the_pass()
    {
        var hosts = new ClaimedHosts(1, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 2));
        Take(hosts);

        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out var wakeAt));
        Assert.Null(wakeAt);
    }

    [Fact]
    public void After_a_look_that_found_no_host_ready_a_finished_request_lets_its_host_go_at_once()
    {
        var hosts = new ClaimedHosts(1, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 2));
        var first = Take(hosts);
        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out _));
        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out _));

        Assert.Null(hosts.Finish(first));

        Assert.Equal("https://a.example/2", Take(hosts).Feed.Url);
    }

    [Fact]
    public void After_a_look_that_found_no_host_ready_a_host_taken_in_goes_at_once()
    {
        var hosts = new ClaimedHosts(1, TimeSpan.FromSeconds(10));
        hosts.Add(Host("busy.example", Now.AddSeconds(5)), FeedsOf("busy.example", 1));
        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out _));

        hosts.Add(Host("new.example"), FeedsOf("new.example", 1));

        Assert.Equal("new.example", Take(hosts).Host.Name);
    }

    [Fact]
    public void The_wait_a_look_found_stands_until_that_time_and_then_the_host_goes()
    {
        var hosts = new ClaimedHosts(1, TimeSpan.FromSeconds(10));
        hosts.Add(Host("a.example", Now.AddSeconds(3)), FeedsOf("a.example", 1));
        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out var wakeAt));
        Assert.Equal(Now.AddSeconds(3), wakeAt);

        Assert.False(hosts.TryTake(Now.AddSeconds(2), unstartedOnly: false, out var early, out wakeAt));
        Assert.Null(early);
        Assert.Equal(Now.AddSeconds(3), wakeAt);

        Assert.True(hosts.TryTake(Now.AddSeconds(3), unstartedOnly: false, out var next, out _));
        Assert.Equal("a.example", next!.Host.Name);
    }

    [Fact]
    public void A_hold_that_begins_with_a_finished_request_hands_out_the_host_s_other_feeds_at_once_as_held()
    {
        var hosts = new ClaimedHosts(1, TimeSpan.FromSeconds(10));
        hosts.Add(Host("a.example"), FeedsOf("a.example", 2));
        var first = Take(hosts);
        Assert.False(hosts.TryTake(Now, unstartedOnly: false, out _, out var wakeAt));
        Assert.Null(wakeAt); // its one slot is taken

        first.Host.Gate.Holds(Now.AddMinutes(30));
        Assert.Null(hosts.Finish(first));

        var held = Take(hosts);
        Assert.Equal("https://a.example/2", held.Feed.Url);
        Assert.Equal(Now.AddMinutes(30), held.HeldUntil);
    }

    [Fact]
    public void A_host_is_given_back_when_its_last_feed_is_finished_not_before()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 2));
        var first = Take(hosts);
        var second = Take(hosts);

        Assert.Null(hosts.Finish(first)); // its other feed is still being fetched
        Assert.Equal("a.example", hosts.Finish(second)!.Name);
    }

    [Fact]
    public void After_a_host_is_given_back_the_turn_goes_on_with_the_host_after_it()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 1));
        hosts.Add(Host("b.example"), FeedsOf("b.example", 2));
        hosts.Add(Host("c.example"), FeedsOf("c.example", 2));

        Assert.NotNull(hosts.Finish(Take(hosts))); // a: done and given back

        Assert.Equal(["b.example", "c.example", "b.example", "c.example"], [.. Enumerable.Range(0, 4).Select(_ => Take(hosts).Host.Name)]);
    }

    [Fact]
    public void A_host_given_back_before_the_one_next_in_turn_leaves_the_turn_with_that_one()
    {
        var hosts = new ClaimedHosts(2, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 1));
        hosts.Add(Host("b.example"), FeedsOf("b.example", 2));
        hosts.Add(Host("c.example"), FeedsOf("c.example", 2));
        var a = Take(hosts);
        Take(hosts); // b; c is next in turn

        Assert.NotNull(hosts.Finish(a));

        Assert.Equal(["c.example", "b.example", "c.example"], [.. Enumerable.Range(0, 3).Select(_ => Take(hosts).Host.Name)]);
    }

    [Fact]
    public void A_host_given_back_while_it_is_next_in_turn_passes_the_turn_to_the_one_after_it()
    {
        var hosts = new ClaimedHosts(3, TimeSpan.Zero);
        hosts.Add(Host("a.example"), FeedsOf("a.example", 3));
        hosts.Add(Host("b.example"), FeedsOf("b.example", 1));
        hosts.Add(Host("c.example"), FeedsOf("c.example", 2));
        Take(hosts); // a
        var b = Take(hosts);
        Take(hosts); // c
        Assert.Equal("a.example", Take(hosts).Host.Name); // b is next in turn now

        Assert.NotNull(hosts.Finish(b));

        Assert.Equal("c.example", Take(hosts).Host.Name);
        Assert.Equal("a.example", Take(hosts).Host.Name);
    }

    [Fact]
    public void A_host_never_contacted_goes_back_without_a_next_start_and_one_contacted_with_its_gap()
    {
        var gap = TimeSpan.FromSeconds(5);
        var untouched = new HostWork("a.example", new HostGate(1, gap));
        Assert.Equal(new HostRelease("a.example", null, null), untouched.Release());

        var contacted = new HostWork("b.example", new HostGate(1, gap));
        Assert.True(contacted.Gate.TryEnter(Now, out _));
        Assert.Equal(new HostRelease("b.example", Now + gap, null), contacted.Release());
    }
}
