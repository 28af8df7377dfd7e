using System.Globalization;
using Dapper;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>
/// Two pollers on one store, as the service and a `poll --once` process are: each feed fetched by
/// one of them, each host contacted by one at a time, with its gap and Retry-After handed over.
/// Each poller has its own connections and writer, as a separate process has.
/// </summary>
public sealed class PollCycleLeaseTests
{
    private const int Hosts = 8;
    private const int FeedsPerHost = 5;

    private static async Task<LocalHttpServer> ServerAsync(Func<HttpContext, Task>? before = null) =>
        await LocalHttpServer.StartAsync(routes => routes.MapGet("/feed/{n}", async context =>
        {
            if (before is not null)
                await before(context);
            await context.Response.Body.WriteAsync(Feeds.Rss("item-" + context.Request.RouteValues["n"]));
        }), loopbackHosts: Hosts);

    private static Uri[] FeedUrls(LocalHttpServer server) =>
        [.. Enumerable.Range(0, Hosts * FeedsPerHost).Select(n => server.Url(n % Hosts, $"/feed/{n}"))];

    // A request that takes a moment, so that the two pollers' passes overlap.
    private static Task Slowly(HttpContext context) => Task.Delay(20, context.RequestAborted);

    private static void AssertEachFetchedOnce(LocalHttpServer server, params PollCycleSummary[] summaries)
    {
        var requests = server.Requests.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Hosts * FeedsPerHost, requests.Count);
        Assert.All(requests, r => Assert.Equal(1, r.Value));
        Assert.Equal(Hosts * FeedsPerHost, summaries.Sum(s => s.Polled));
        Assert.All(summaries, s => Assert.Equal(0, s.Failed));
    }

    [Fact]
    public async Task Two_pollers_on_one_store_never_fetch_a_feed_twice()
    {
        await using var server = await ServerAsync(Slowly);
        await using var first = await PollHarness.CreateAsync(FeedUrls(server), o => o.MaxConcurrency = 2);
        await using var second = first.OtherProcess(o => o.MaxConcurrency = 2);

        var summaries = await Task.WhenAll(first.PollAsync(), second.PollAsync());

        AssertEachFetchedOnce(server, summaries);
        Assert.All(summaries, s => Assert.NotEqual(0, s.Polled)); // both took a share
        Assert.Empty(summaries[0].Results.Select(r => r.Feed.Id).Intersect(summaries[1].Results.Select(r => r.Feed.Id)));
    }

    [Fact]
    public async Task Two_processes_starting_on_a_new_file_migrate_sync_and_poll_each_feed_once()
    {
        await using var server = await ServerAsync(Slowly);
        await using var first = await PollHarness.CreateOnFreshFileAsync(FeedUrls(server), o => o.MaxConcurrency = 2);
        await using var second = first.OtherProcess(o => o.MaxConcurrency = 2);

        var summaries = await Task.WhenAll(RunAsync(first), RunAsync(second));

        AssertEachFetchedOnce(server, summaries);

        static async Task<PollCycleSummary> RunAsync(PollHarness process)
        {
            await process.PrepareAsync();
            return await process.PollAsync();
        }
    }

    [Fact]
    public async Task A_forced_run_does_not_poll_again_what_another_poller_polled_since_it_began()
    {
        await using var server = await ServerAsync();
        await using var first = await PollHarness.CreateAsync(FeedUrls(server));
        await using var second = first.OtherProcess();
        var forced = await first.PollAsync(force: true); // the clock stands still: a forced run never takes back its own polls
        first.Time.Advance(TimeSpan.FromSeconds(1));

        // A forced run that began before the other one stored its polls takes none of them.
        var leases = second.Db.Leases;
        var claim = new PollClaim("late-forced-run", first.Time.GetUtcNow(), first.Time.GetUtcNow().AddMinutes(5), Force: true, CycleStart: PollHarness.Start.AddMilliseconds(-1));
        Assert.Empty(await leases.ClaimAsync(claim, 100, CancellationToken.None));
        // One that begins after them polls every feed again, as --force asks.
        var again = await second.PollAsync(force: true);

        Assert.Equal(Hosts * FeedsPerHost, forced.Polled);
        Assert.Equal(Hosts * FeedsPerHost, again.Polled);
    }

    [Fact]
    public async Task A_host_taken_over_from_another_poller_waits_for_that_pollers_gap()
    {
        var gap = TimeSpan.FromMinutes(1);
        var seen = new List<DateTimeOffset>();
        PollHarness? clock = null;
        await using var server = await LocalHttpServer.StartAsync(routes => routes.MapGet("/feed/{n}", async context =>
        {
            lock (seen)
                seen.Add(clock!.Time.GetUtcNow());
            await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        }));
        await using var first = await PollHarness.CreateAsync([server.Url("/feed/1"), server.Url("/feed/2")], o => o.MinHostGap = gap);
        await using var second = first.OtherProcess(o => o.MinHostGap = gap);
        clock = first;
        var later = await first.FeedAsync(server.Url("/feed/2").AbsoluteUri);
        await first.Db.Feeds.UpdatePollStateAsync(later with { NextPollAt = PollHarness.Start.AddSeconds(10) }, CancellationToken.None);

        Assert.Equal(1, (await first.PollAsync()).Polled); // feed 1 now; its host goes back with the gap
        first.Time.Advance(TimeSpan.FromSeconds(10)); // feed 2 is due, on the same host
        var polling = second.PollAsync();
        await WhenAsync(async () => polling.IsCompleted || await HostOwnerAsync(second) is not null);
        first.Time.Advance(TimeSpan.FromSeconds(49));
        await Task.Delay(200);
        Assert.False(polling.IsCompleted);
        Assert.Single(server.Requests);

        first.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await polling).Polled);
        Assert.Equal([PollHarness.Start, PollHarness.Start + gap], seen);
    }

    [Fact]
    public async Task A_hosts_retry_after_holds_its_feeds_for_the_other_poller_too()
    {
        await using var server = await LocalHttpServer.StartAsync(routes => routes.MapGet("/feed/{n}", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        }));
        await using var first = await PollHarness.CreateAsync([server.Url("/feed/1"), server.Url("/feed/2")]);
        await using var second = first.OtherProcess();
        var later = await first.FeedAsync(server.Url("/feed/2").AbsoluteUri);
        await first.Db.Feeds.UpdatePollStateAsync(later with { NextPollAt = PollHarness.Start.AddSeconds(10) }, CancellationToken.None);

        await first.PollAsync();
        first.Time.Advance(TimeSpan.FromSeconds(10));
        var summary = await second.PollAsync();

        var held = Assert.Single(summary.Results);
        Assert.True(held.Held);
        Assert.Equal(PollHarness.Start.AddMinutes(2), held.Feed.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_feeds_of_a_poller_that_died_are_polled_by_another_once_its_leases_expire()
    {
        await using var server = await ServerAsync();
        await using var survivor = await PollHarness.CreateAsync(FeedUrls(server), o => o.LeaseTimeout = TimeSpan.FromMinutes(2));
        var now = PollHarness.Start;
        var taken = await survivor.Db.Leases.ClaimAsync(new PollClaim("dead-process", now, now.AddMinutes(2)), 3, CancellationToken.None);
        Assert.Equal(3, taken.Count);

        var before = await survivor.PollAsync();
        Assert.Equal((Hosts - 3) * FeedsPerHost, before.Polled);

        survivor.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await survivor.PollAsync();

        Assert.Equal(3 * FeedsPerHost, after.Polled);
        Assert.Equal(taken.SelectMany(h => h.Feeds).Select(f => f.Id).Order(), after.Results.Select(r => r.Feed.Id).Order());
        Assert.All(server.Requests.GroupBy(r => r.Path), g => Assert.Single(g));
    }

    [Fact]
    public async Task The_leases_of_an_ended_process_of_this_machine_are_taken_back_at_once_and_another_machines_are_not()
    {
        await using var server = await ServerAsync();
        await using var survivor = await PollHarness.CreateAsync(FeedUrls(server), o => o.LeaseTimeout = TimeSpan.FromMinutes(2));
        var now = PollHarness.Start;
        // No process has this pid (above Linux's pid_max): it was killed, or exited without giving its leases back.
        var ended = $"{Environment.MachineName}/{int.MaxValue}/0123abcd#1";
        var endedHosts = await survivor.Db.Leases.ClaimAsync(new PollClaim(ended, now, now.AddMinutes(2)), 2, CancellationToken.None);
        var elsewhere = await survivor.Db.Leases.ClaimAsync(new PollClaim("other-machine/1/0123abcd#1", now, now.AddMinutes(2)), 1, CancellationToken.None);
        Assert.Equal((2, 1), (endedHosts.Count, elsewhere.Count));

        var summary = await survivor.PollAsync();

        Assert.Equal((Hosts - 1) * FeedsPerHost, summary.Polled);
        Assert.DoesNotContain(summary.Results, r => elsewhere[0].Feeds.Any(f => f.Id == r.Feed.Id));
        Assert.Equal(["other-machine/1/0123abcd#1"], await survivor.Db.Leases.ListHoldersAsync(now, CancellationToken.None));
        Assert.All(server.Requests.GroupBy(r => r.Path), g => Assert.Single(g));
        var tookBack = Assert.Single(survivor.Logs.Entries, e => e.Message.StartsWith("Polling: took back the leases of", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, tookBack.Level);
        Assert.Equal(ended, tookBack.Properties["Poller"]);
    }

    [Fact]
    public async Task Every_hosts_first_feed_is_fetched_before_any_hosts_second()
    {
        await using var server = await ServerAsync();
        await using var poll = await PollHarness.CreateAsync(FeedUrls(server), o => o.MaxConcurrency = 1);

        Assert.Equal(Hosts * FeedsPerHost, (await poll.PollAsync()).Polled);

        var hosts = server.Requests.Take(Hosts).Select(r => int.Parse(r.Path.Split('/')[^1], CultureInfo.InvariantCulture) % Hosts);
        Assert.Equal(Enumerable.Range(0, Hosts), hosts.Order());
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(6, 6)]
    public async Task A_pass_claims_as_many_hosts_at_a_time_as_it_has_workers_and_at_least_four(int workers, int hosts)
    {
        await using var server = await ServerAsync();
        await using var poll = await PollHarness.CreateAsync(FeedUrls(server), o => o.MaxConcurrency = workers);
        var leases = new RecordingLeases(poll.Db.Leases);

        await poll.CycleWith(leases).RunAsync(force: false, CancellationToken.None);

        Assert.All(leases.ClaimSizes, size => Assert.Equal(hosts, size));
    }

    [Fact]
    public async Task A_host_is_given_back_as_soon_as_its_last_feed_is_fetched_while_the_pass_goes_on()
    {
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/fast", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
            routes.MapGet("/slow", async context =>
            {
                slowStarted.TrySetResult();
                await finishSlow.Task;
                await context.Response.Body.WriteAsync(Feeds.Rss("b"));
            });
        }, loopbackHosts: 2);
        await using var poll = await PollHarness.CreateAsync([server.Url(0, "/fast"), server.Url(1, "/slow")]);

        var polling = poll.PollAsync();
        await slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a safety net, not a timing assert
        await WhenAsync(async () => (await HeldHostsAsync(poll)).Count == 1);
        var held = await HeldHostsAsync(poll);
        finishSlow.SetResult();

        Assert.Equal([server.BaseAddresses[1].Host], held);
        Assert.Equal(2, (await polling).Polled);
        Assert.Empty(await HeldHostsAsync(poll));
    }

    [Fact]
    public async Task A_pass_longer_than_a_third_of_the_lease_timeout_renews_its_leases_for_another_lease_timeout()
    {
        var (poll, leases, summary) = await LongPassAsync(inner => new RecordingLeases(inner));
        await using (poll)
        {
            Assert.Equal((1, 0), (summary.Polled, summary.Failed));
            var renewal = leases.Renewals.First();
            Assert.StartsWith(poll.Services.GetRequiredService<PollerIdentity>().Name + "#", renewal.Owner, StringComparison.Ordinal);
            Assert.Equal((PollHarness.Start.AddSeconds(5), PollHarness.Start.AddSeconds(20)), (renewal.Now, renewal.Until));
        }
    }

    [Fact]
    public async Task A_renewal_the_store_refuses_is_a_warning_and_the_pass_goes_on()
    {
        var (poll, leases, summary) = await LongPassAsync(inner => new RecordingLeases(inner) { RefuseRenewals = true });
        await using (poll)
        {
            Assert.Equal((1, 0), (summary.Polled, summary.Failed));
            var warning = Assert.Single(poll.Logs.Entries, e => e.Level == LogLevel.Warning);
            Assert.Equal("Polling: could not renew the leases of {Poller}: {Error}", warning.Properties["{OriginalFormat}"]);
            Assert.Equal(leases.Renewals.First().Owner, warning.Properties["Poller"]);
            Assert.Equal("database is locked", warning.Properties["Error"]);
        }
    }

    [Fact]
    public async Task A_host_the_store_will_not_take_back_is_a_warning_and_the_pass_ends_as_usual()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var summary = await poll.CycleWith(new RecordingLeases(poll.Db.Leases) { RefuseHostReleases = true }).RunAsync(force: false, CancellationToken.None);

        Assert.Equal((1, 0), (summary.Polled, summary.Failed));
        var warning = Assert.Single(poll.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Polling: could not give back host {Host}; its lease expires by itself: {Error}", warning.Properties["{OriginalFormat}"]);
        Assert.Equal(server.BaseAddress.Host, warning.Properties["Host"]);
        Assert.Empty(await HeldHostsAsync(poll)); // what is left goes back at the end of the pass
    }

    [Fact]
    public async Task Leases_the_store_will_not_take_back_after_a_pass_are_a_warning_and_the_pass_ends_as_usual()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Feeds.Rss("a")).AsTask());
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var summary = await poll.CycleWith(new RecordingLeases(poll.Db.Leases) { RefuseReleaseAll = true }).RunAsync(force: false, CancellationToken.None);

        Assert.Equal((1, 0), (summary.Polled, summary.Failed));
        var warning = Assert.Single(poll.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Polling: could not give back the leases of {Poller}; they expire by themselves: {Error}", warning.Properties["{OriginalFormat}"]);
        Assert.Equal(poll.Services.GetRequiredService<PollerIdentity>().Name + "#1", warning.Properties["Poller"]);
    }

    // One feed whose request lasts a third of the lease timeout (the clock is moved on while the
    // server answers) and waits until the pass has tried to renew its leases.
    private static async Task<(PollHarness Poll, RecordingLeases Leases, PollCycleSummary Summary)> LongPassAsync(Func<IPollLeases, RecordingLeases> wrap)
    {
        PollHarness poll = null!;
        RecordingLeases leases = null!;
        var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            poll.Time.Advance(TimeSpan.FromSeconds(5));
            await leases.Renewed.Task.WaitAsync(TimeSpan.FromSeconds(10)); // a safety net, not a timing assert
            await context.Response.Body.WriteAsync(Feeds.Rss("a"));
        });
        await using (server)
        {
            poll = await PollHarness.CreateAsync([server.Url("/feed")], o => o.LeaseTimeout = TimeSpan.FromSeconds(15));
            leases = wrap(poll.Db.Leases);
            return (poll, leases, await poll.CycleWith(leases).RunAsync(force: false, CancellationToken.None));
        }
    }

    private static async Task<IReadOnlyList<string>> HeldHostsAsync(PollHarness poller)
    {
        await using var connection = await poller.Db.Connections.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<string>("SELECT host FROM hosts WHERE owner IS NOT NULL ORDER BY host")];
    }

    private static async Task<string?> HostOwnerAsync(PollHarness poller)
    {
        await using var connection = await poller.Db.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>("SELECT owner FROM hosts WHERE owner IS NOT NULL");
    }

    // Waits (in real time, with a safety net) for something another task does.
    private static async Task WhenAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500 && !await condition(); i++)
            await Task.Delay(10);
    }
}
