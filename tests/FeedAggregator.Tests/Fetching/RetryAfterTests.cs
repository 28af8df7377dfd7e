using System.Net.Http.Headers;
using FeedAggregator.Fetching;

namespace FeedAggregator.Tests.Fetching;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_header_means_no_retry_time() => Assert.Null(RetryAfter.Resolve(null, Now));

    [Fact]
    public void A_delta_is_added_to_now() =>
        Assert.Equal(Now.AddSeconds(90), RetryAfter.Resolve(new RetryConditionHeaderValue(TimeSpan.FromSeconds(90)), Now));

    [Fact]
    public void A_date_is_taken_as_is() =>
        Assert.Equal(Now.AddMinutes(5), RetryAfter.Resolve(new RetryConditionHeaderValue(Now.AddMinutes(5)), Now));

    [Fact]
    public void A_date_in_the_past_is_ignored() =>
        Assert.Null(RetryAfter.Resolve(new RetryConditionHeaderValue(Now.AddMinutes(-5)), Now));

    [Fact]
    public void A_far_future_date_is_capped_at_seven_days() =>
        Assert.Equal(Now.AddDays(7), RetryAfter.Resolve(new RetryConditionHeaderValue(Now.AddYears(3)), Now));
}
