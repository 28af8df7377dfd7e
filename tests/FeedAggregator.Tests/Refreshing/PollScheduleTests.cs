using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Refreshing;
using FeedAggregator.WebSub;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Refreshing;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly PollSchedule Schedule = new(Options.Create(new PollingOptions
    {
        DefaultInterval = TimeSpan.FromMinutes(30),
        MaxBackoff = TimeSpan.FromHours(24),
    }));

    private static readonly Feed AFeed = new() { Id = 7, Url = "https://a.example/feed" };

    [Fact]
    public void After_success_the_feed_waits_its_own_interval_or_the_default()
    {
        Assert.Equal(Now.AddMinutes(30), Schedule.AfterSuccess(AFeed, Now));
        Assert.Equal(Now.AddMinutes(90), Schedule.AfterSuccess(AFeed with { Interval = TimeSpan.FromMinutes(90) }, Now));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1440)]
    [InlineData(40, 1440)]
    public void Failures_back_off_exponentially_with_at_most_20_percent_jitter_up_to_the_cap(int errors, int minutes)
    {
        var next = Schedule.AfterFailure(AFeed, errors, Now, retryAfter: null);
        var delay = next - Now;
        Assert.InRange(delay, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes * 1.2));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(3, 120)]
    [InlineData(4, 180)]
    [InlineData(40, 180)]
    public void A_configured_max_backoff_is_the_cap(int errors, int minutes)
    {
        var schedule = new PollSchedule(Options.Create(new PollingOptions { DefaultInterval = TimeSpan.FromMinutes(30), MaxBackoff = TimeSpan.FromHours(3) }));
        var delay = schedule.AfterFailure(AFeed, errors, Now, retryAfter: null) - Now;
        Assert.InRange(delay, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes * 1.2));
    }

    [Fact]
    public void Jitter_is_stable_for_a_feed_and_differs_between_feeds()
    {
        Assert.Equal(Schedule.AfterFailure(AFeed, 3, Now, null), Schedule.AfterFailure(AFeed, 3, Now, null));
        var others = Enumerable.Range(1, 20).Select(id => Schedule.AfterFailure(AFeed with { Id = id }, 3, Now, null)).Distinct().Count();
        Assert.True(others > 10);
    }

    [Fact]
    public void A_later_retry_after_wins()
    {
        var after = Now.AddHours(6);
        Assert.Equal(after, Schedule.AfterFailure(AFeed, 1, Now, after));
        Assert.True(Schedule.AfterFailure(AFeed, 1, Now, Now.AddSeconds(5)) >= Now.AddMinutes(30));
    }

    [Fact]
    public void Failures_back_off_from_the_feeds_own_interval()
    {
        var own = AFeed with { Interval = TimeSpan.FromMinutes(90) };

        Assert.Equal(TimeSpan.FromMinutes(90), Schedule.IntervalOf(own));
        Assert.InRange(Schedule.AfterFailure(own, 2, Now, retryAfter: null) - Now, TimeSpan.FromMinutes(180), TimeSpan.FromMinutes(216));
    }

    [Fact]
    public void A_success_moves_out_of_the_skipped_hours_or_days_either_alone()
    {
        // Now is Thursday 10:00 UTC; the next poll would be 10:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), Schedule.AfterSuccess(AFeed, Now, new PollHints { SkipHours = new HashSet<int> { 10, 11 } }));
        Assert.Equal(
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Schedule.AfterSuccess(AFeed, Now, new PollHints { SkipDays = new HashSet<DayOfWeek> { DayOfWeek.Thursday } }));
        Assert.Equal(Now.AddMinutes(30), Schedule.AfterSuccess(AFeed, Now, new PollHints { SkipHours = new HashSet<int> { 3 } }));
    }

    [Fact]
    public void A_feed_that_skips_every_hour_is_polled_at_its_interval_regardless()
    {
        var everyHour = new PollHints { SkipHours = Enumerable.Range(0, 24).ToHashSet() };

        Assert.Equal(Now.AddMinutes(30), Schedule.AfterSuccess(AFeed, Now, everyHour));
    }

    [Fact]
    public void While_pushes_are_relied_on_the_feed_waits_the_fallback_interval_or_its_own_when_longer()
    {
        var webSub = new WebSubOptions();
        webSub.UseCallbackBase("https://aggregator.example/");
        var schedule = new PollSchedule(Options.Create(new PollingOptions()), Options.Create(webSub));
        var pushed = AFeed with { PushUntil = Now.AddDays(1), PushSeenAt = Now.AddHours(-1) };

        Assert.Equal(Now.AddHours(6), schedule.AfterSuccess(pushed, Now));
        Assert.Equal(Now.AddHours(8), schedule.AfterSuccess(pushed with { Interval = TimeSpan.FromHours(8) }, Now));
        // The lease has ended, or a poll found what pushes missed since they last worked: the feed's own interval.
        Assert.Equal(Now.AddMinutes(30), schedule.AfterSuccess(pushed with { PushUntil = Now }, Now));
        Assert.Equal(Now.AddMinutes(30), schedule.AfterSuccess(pushed with { PushMissedAt = Now.AddMinutes(-30) }, Now));
        Assert.Equal(Now.AddHours(6), schedule.AfterSuccess(pushed with { PushMissedAt = Now.AddHours(-2) }, Now));
        // WebSub off: pushes are never relied on.
        Assert.Equal(Now.AddMinutes(30), new PollSchedule(Options.Create(new PollingOptions()), Options.Create(new WebSubOptions())).AfterSuccess(pushed, Now));
    }
}
