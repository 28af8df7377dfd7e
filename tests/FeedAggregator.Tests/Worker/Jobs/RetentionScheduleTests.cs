using FeedAggregator.Tests.Worker.Http;

namespace FeedAggregator.Tests.Worker.Jobs;

/// <summary>RetentionJob as Quartz runs it: at start, then every Retention:RunEvery (6 hours) on the fake clock.</summary>
public sealed class RetentionScheduleTests
{
    // Feed A's items date from 5 January 10:00 and 4 January 09:00; with Retention:MaxAge at 30
    // days the older one turns old at 3 February 09:00, half an hour after the start.
    private static readonly DateTimeOffset Start = new(2026, 2, 3, 8, 30, 0, TimeSpan.Zero);
    // The feed keeps only its newest article whatever its age, so the other goes when it is old.
    private static readonly Dictionary<string, string> ThirtyDays = new() { ["Retention:MaxAge"] = "30.00:00:00", ["Retention:KeepPerFeed"] = "1" };

    [Fact]
    public async Task An_article_that_turns_old_is_removed_by_the_next_scheduled_run_not_before()
    {
        await using var service = await ScheduledService.CreateAsync(Start);
        service.Folder.WriteOpml(service.A);
        service.Start(ThirtyDays);
        await service.WaitUntilAsync(async () => (await Titles(service)).Count == 2, "feed A polled by the run at start");

        // Old now, but the run at start came before that and the next is six hours after it.
        service.Time.Advance(TimeSpan.FromHours(1));
        await service.WaitUntilAsync(() => Task.FromResult(service.Logged("Polling:") || service.Logged("Subscriptions:")), "the scheduler awake");
        Assert.Equal(["Kernel 9.1 released", "A podcast about compilers"], await Titles(service));
        Assert.False(service.Logged("Retention: removed"));

        await service.AdvanceUntilAsync(async () => (await Titles(service)).Count == 1, TimeSpan.FromHours(1), 6, "the old article removed");

        Assert.Equal(["Kernel 9.1 released"], await Titles(service));
        Assert.InRange(service.Time.GetUtcNow(), Start.AddHours(6), Start.AddHours(8));
        Assert.True(service.Logged("Retention: removed 1 articles"));
    }

    private static Task<IReadOnlyList<string>> Titles(ScheduledService service) => HttpAssert.ItemTitlesAsync(service.Client, "/feed.json");
}
