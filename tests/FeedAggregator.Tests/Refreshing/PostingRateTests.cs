using FeedAggregator.Model;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The posting-rate sample: the last 30 days, or the newest 20 entries when those are fewer.</summary>
public sealed class PostingRateTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_sample_is_the_last_30_days_when_they_hold_20_entries_or_more()
    {
        // 40 daily posts: 30 of them fall in the last 30 days.
        var sample = PostingRate.Sample(Daily(40), Now)!;

        Assert.Equal(30, sample.Entries);
        Assert.Equal(Now.AddDays(-29.5), sample.Since);
    }

    [Fact]
    public void The_sample_is_the_newest_20_entries_when_the_last_30_days_hold_fewer()
    {
        // Weekly posts: 5 in the last 30 days, so the newest 20.
        var weekly = Enumerable.Range(0, 50).Select(i => (DateTimeOffset?)Now.AddDays(-7 * i - 1)).ToList();

        var sample = PostingRate.Sample(weekly, Now)!;

        Assert.Equal(20, sample.Entries);
        Assert.Equal(Now.AddDays(-7 * 19 - 1), sample.Since);
        Assert.Equal(TimeSpan.FromDays(7 * 19 + 1) / 19, PostingRate.MeanGap(sample, Now));
    }

    [Fact]
    public void The_mean_gap_grows_with_the_silence_after_the_last_post()
    {
        var sample = PostingRate.Sample(Daily(10), Now)!;

        Assert.True(PostingRate.MeanGap(sample, Now.AddDays(30)) > PostingRate.MeanGap(sample, Now) * 3);
    }

    [Fact]
    public void Order_duplicates_and_missing_dates_do_not_matter()
    {
        var dates = Daily(10);
        var shuffled = dates.AsEnumerable().Reverse().Concat([null, null]).Concat(dates.Take(3)).ToList();

        Assert.Equal(PostingRate.Sample(dates, Now)!.Since, PostingRate.Sample(shuffled, Now)!.Since);
    }

    [Fact]
    public void No_dates_or_one_date_shared_by_several_entries_tell_no_rate()
    {
        Assert.Null(PostingRate.Sample([], Now));
        Assert.Null(PostingRate.Sample([null, null], Now));
        Assert.Null(PostingRate.Sample([Now.AddHours(-1), Now.AddHours(-1)], Now));
    }

    [Fact]
    public void A_single_dated_entry_says_the_feed_posted_once_since()
    {
        var sample = PostingRate.Sample([null, Now.AddDays(-3), null], Now)!;

        Assert.Equal(new PostingSample(Now.AddDays(-3), 1), sample);
        Assert.Equal(TimeSpan.FromDays(3), PostingRate.MeanGap(sample, Now));
        Assert.Equal(TimeSpan.FromDays(5), PostingRate.MeanGap(sample, Now.AddDays(2)));
    }

    [Fact]
    public void Dates_within_a_day_ahead_count_as_now_and_later_ones_are_left_out()
    {
        var sample = PostingRate.Sample([Now.AddHours(3), Now.AddDays(400), Now.AddDays(-2)], Now)!;

        Assert.Equal(new PostingSample(Now.AddDays(-2), 2), sample);
        Assert.Equal(TimeSpan.FromDays(2), PostingRate.MeanGap(sample, Now));
    }

    [Fact]
    public void A_date_a_day_ahead_still_counts_as_now()
    {
        Assert.Equal(new PostingSample(Now.AddDays(-2), 2), PostingRate.Sample([Now + PostingRate.Skew, Now.AddDays(-2)], Now));
        Assert.Equal(new PostingSample(Now, 1), PostingRate.Sample([Now.AddHours(3)], Now));
        // Two entries stamped now and a little ahead are one date: no rate.
        Assert.Null(PostingRate.Sample([Now, Now.AddHours(3)], Now));
    }

    [Fact]
    public void An_entry_exactly_30_days_old_is_in_the_window()
    {
        // 21 entries a day and a half apart, the oldest exactly 30 days ago: all of them are the sample.
        var dates = Enumerable.Range(0, 21).Select(i => (DateTimeOffset?)Now.AddDays(-1.5 * i)).ToList();

        Assert.Equal(new PostingSample(Now - PostingRate.Window, 21), PostingRate.Sample(dates, Now));
    }

    [Fact]
    public void The_mean_gap_is_zero_for_a_clock_behind_the_sample_and_needs_a_sample()
    {
        Assert.Equal(TimeSpan.Zero, PostingRate.MeanGap(new PostingSample(Now, 3), Now.AddHours(-1)));
        Assert.Throws<ArgumentNullException>(() => PostingRate.MeanGap(null!, Now));
    }

    private static List<DateTimeOffset?> Daily(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (DateTimeOffset?)Now.AddDays(-i - 0.5))];
}
