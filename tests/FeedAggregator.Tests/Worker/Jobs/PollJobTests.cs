using FeedAggregator.Tests.Worker.Http;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>
/// PollJob as Quartz runs it in the service: at start, then every Polling:CheckEvery (1 minute)
/// on the fake clock. Each run re-reads the OPML file first.
/// </summary>
public sealed class PollJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_opml_edit_is_picked_up_by_the_next_run_without_a_restart()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start();
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");

        service.Folder.WriteOpml(service.B);
        await service.AdvanceUntilAsync(async () => (await Titles(service)).Contains("Markets close higher"), Minute, 3, "feed B polled");

        Assert.Equal(["قمة في القاهرة حول المناخ", "Markets close higher"], await Titles(service));
        var status = await service.Client.GetStringAsync("/status");
        Assert.Contains("Feed B", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Feed A", status, StringComparison.Ordinal);
        Assert.Equal(1, service.Requests(service.A));

        // Two more runs with nothing due: each re-reads the file, neither reports a poll.
        var syncs = Syncs(service);
        await service.AdvanceUntilAsync(() => Task.FromResult(Syncs(service) >= syncs + 2), Minute, 4, "two idle runs");
        Assert.Equal(
            ["Polling: 1 feeds polled, 0 failed, 2 new articles, 0 updated", "Polling: 1 feeds polled, 0 failed, 2 new articles, 0 updated"],
            service.Logs.Entries.Where(e => e.Message.Contains("feeds polled", StringComparison.Ordinal)).Select(e => e.Message));
    }

    private static int Syncs(ScheduledService service) =>
        service.Logs.Entries.Count(e => e.Message.StartsWith("Subscriptions: 1 feeds in", StringComparison.Ordinal));

    [Fact]
    public async Task An_opml_file_that_is_not_valid_is_reported_and_changes_nothing()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A, service.B);
        service.Start();
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 4, "both feeds polled by the run at start");

        File.WriteAllText(service.Folder.Opml, "<opml version=\"2.0\"><body><outline xmlUrl=");
        await service.AdvanceUntilAsync(() => Task.FromResult(service.Logged("was not applied")), Minute, 3, "the broken file reported");

        var status = await service.Client.GetStringAsync("/status");
        Assert.Contains("2 feeds: 2 ok, 0 failing, 0 gone, 0 held.", status, StringComparison.Ordinal);
        Assert.Contains("Feed A", status, StringComparison.Ordinal);
        Assert.Contains("Feed B", status, StringComparison.Ordinal);
        Assert.Equal(4, (await Titles(service)).Count);
        Assert.Contains(service.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error
                                                   && e.Message.Contains(service.Folder.Opml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_downtime_the_first_run_spreads_overdue_feeds_and_polls_new_ones_and_later_runs_poll_them()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start();
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");
        await service.StopAsync();

        // Three hours down: A (due 30 minutes after its poll) is overdue; B is new.
        service.Folder.WriteOpml(service.A, service.B);
        service.Start(now: Start.AddHours(3));
        await service.WaitUntilAsync(() => Task.FromResult(service.Requests(service.B) == 1), "the new feed polled by the first run");
        await service.WaitUntilAsync(() => Task.FromResult(service.Logged("1 overdue feeds spread")), "the overdue feed spread");
        Assert.Equal(1, service.Requests(service.A));

        // 45 minutes on, A (spread within its 30-minute interval) is overdue again: a later run
        // polls it rather than spreading it again; only the first run after a start spreads.
        service.Time.Advance(TimeSpan.FromMinutes(45));
        await service.AdvanceUntilAsync(() => Task.FromResult(service.Requests(service.A) == 2), Minute, 3, "the spread feed polled");
        Assert.Single(service.Logs.Entries, e => e.Message.Contains("overdue feeds spread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Within_a_run_the_second_request_to_a_host_waits_for_min_host_gap_on_the_clock()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A, service.B);
        service.Start(new Dictionary<string, string> { ["Polling:MinHostGap"] = "00:00:10", ["Polling:MaxConcurrencyPerHost"] = "2" });
        await service.WaitUntilAsync(() => Task.FromResult(service.Origin.Requests.Count == 1), "the first request of the run");

        await Task.Delay(TimeSpan.FromSeconds(1)); // real time passes, the clock does not: the other feed waits
        Assert.Single(service.Origin.Requests);
        service.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(service.Origin.Requests);
        service.Time.Advance(TimeSpan.FromSeconds(1));

        await service.WaitUntilAsync(() => Task.FromResult(service.Origin.Requests.Count == 2), "the second request once the gap passed");
    }

    [Fact]
    public async Task A_run_that_changes_the_feed_pings_the_websub_hub_for_each_document_and_an_idle_run_does_not()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start(new Dictionary<string, string> { ["Publishing:WebSubHub"] = service.Origin.Url("/hub").AbsoluteUri });
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");
        await service.WaitUntilAsync(() => Task.FromResult(service.Pings.Contains("publish http://localhost:5080/feed.json")), "the pings");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterFirst = service.Pings.Count;

        service.Time.Advance(TimeSpan.FromMinutes(30)); // A is due again; the poll job fires within the next minute
        await service.AdvanceUntilAsync(() => Task.FromResult(service.Requests(service.A) == 2), Minute, 3, "feed A polled again");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Contains("publish http://localhost:5080/feed.atom", service.Pings);
        Assert.Contains("publish http://localhost:5080/feed.rss", service.Pings);
        Assert.Contains("publish http://localhost:5080/feed.json", service.Pings);
        Assert.Equal(afterFirst, service.Pings.Count); // the same bytes again: nothing changed, nobody pinged
    }

    [Fact]
    public async Task A_store_that_fails_is_logged_by_each_run_and_the_service_goes_on()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start();
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllBytes(service.Folder.Database, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        foreach (var journal in new[] { service.Folder.Database + "-wal", service.Folder.Database + "-shm" })
            File.Delete(journal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await service.AdvanceUntilAsync(
            () => Task.FromResult(service.Logs.Entries.Count(e => e.Message.StartsWith("Polling: the store failed", StringComparison.Ordinal)) >= 2),
            Minute, 4, "two runs that met the broken store");

        Assert.All(service.Logs.Entries.Where(e => e.Message.StartsWith("Polling: the store failed", StringComparison.Ordinal)),
            e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, e.Level));
        using var health = await service.Client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(2, (await Titles(service)).Count); // the last rendering is still served
    }

    private static Task<IReadOnlyList<string>> Titles(ScheduledService service) => HttpAssert.ItemTitlesAsync(service.Client, "/feed.json");
}
