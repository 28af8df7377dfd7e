using FeedAggregator.Fetching;

namespace FeedAggregator.Tests.Fetching;

public sealed class UnitsTests
{
    [Theory]
    [InlineData(16L * 1024 * 1024, "16 MB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(512 * 1024, "512 KB")]
    [InlineData(1000, "1000 bytes")]
    [InlineData(1024, "1 KB")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1536L * 1024, "1536 KB")]
    public void Sizes_read_like_people_write_them(long bytes, string text) => Assert.Equal(text, Units.Bytes(bytes));

    [Theory]
    [InlineData(30_000, "30 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(250, "250 ms")]
    public void Durations_read_like_people_write_them(int milliseconds, string text) =>
        Assert.Equal(text, Units.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void The_default_limits_give_the_documented_messages()
    {
        var defaults = new FetchingOptions();
        Assert.Equal("response larger than 16 MB", FetchErrors.TooLarge(defaults.MaxBodyBytes));
        Assert.Equal("timed out after 30 s", FetchErrors.TimedOut(defaults.Timeout));
    }
}
