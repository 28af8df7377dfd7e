using FeedAggregator.Parsing.Dates;

namespace FeedAggregator.Tests.Parsing;

public sealed class CommonDateShapesTests
{
    [Theory]
    [InlineData("Sat, 27 Jan 2024 10:00:00 GMT", "2024-01-27T10:00:00.0000000Z")]
    [InlineData("Sat, 7 Jan 2024 10:00:00 +0100", "2024-01-07T09:00:00.0000000Z")]
    [InlineData("sat, 27 JAN 2024 10:00:00 UTC", "2024-01-27T10:00:00.0000000Z")]
    [InlineData("Sun, 31 Dec 2023 23:30:00 -0100", "2024-01-01T00:30:00.0000000Z")]
    [InlineData("2024-01-27T10:00:00Z", "2024-01-27T10:00:00.0000000Z")]
    [InlineData("2024-01-27T10:00:00-05:00", "2024-01-27T15:00:00.0000000Z")]
    [InlineData("2024-01-27T10:00:00.5+0100", "2024-01-27T09:00:00.5000000Z")]
    [InlineData("2024-01-27T10:00:00.123456789Z", "2024-01-27T10:00:00.1234567Z")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.0000000Z")]
    public void Reads_the_shapes_nearly_every_feed_writes(string text, string expected)
    {
        Assert.True(CommonDateShapes.TryParse(text, out var value));
        Assert.Equal(expected, value.UtcDateTime.ToString("O"));
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("Sat, 27 Jan 2024 10:00:00 EST")] // named zones other than GMT/UT/UTC/Z
    [InlineData("Sat, 27 Jan 2024 10:00 GMT")] // no seconds
    [InlineData("27 Jan 2024 10:00:00 GMT")] // no weekday
    [InlineData("Sat, 27 January 2024 10:00:00 GMT")] // full month name
    [InlineData("2024-01-27")] // date only
    [InlineData("2024-01-27T10:00Z")] // no seconds
    [InlineData("2024-01-27 10:00:00Z")] // space for T
    [InlineData("Sat, 30 Feb 2024 10:00:00 GMT")] // no such day
    [InlineData("2024-13-01T10:00:00Z")] // no such month
    [InlineData("2024-01-27T10:00:00+25:00")] // no such offset
    public void Leaves_every_other_shape_to_the_forgiving_grammars(string text)
    {
        Assert.False(CommonDateShapes.TryParse(text, out _));
    }

    [Theory]
    [InlineData("Sat, 27 Jan 2024 10:00:00 GMT")]
    [InlineData("Tue, 09 Jan 2024 08:05:59 -0730")]
    [InlineData("2024-01-27T10:00:00.25+05:30")]
    [InlineData("1999-12-31T23:59:59Z")]
    public void Agrees_with_the_forgiving_grammars(string text)
    {
        Assert.True(CommonDateShapes.TryParse(text, out var fast));
        var slow = char.IsAsciiDigit(text[0]) ? Iso8601Date.TryParse(text, out var iso) ? iso : default : Rfc822Date.TryParse(text, out var rfc) ? rfc : default;

        Assert.Equal(slow.UtcDateTime, fast.UtcDateTime);
    }
}
