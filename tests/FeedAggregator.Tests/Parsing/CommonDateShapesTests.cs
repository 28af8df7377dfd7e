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

    [Theory]
    [InlineData("Fri, 05 Jan 2024 00:00:00 GMT", 1)]
    [InlineData("Mon, 05 Feb 2024 00:00:00 GMT", 2)]
    [InlineData("Tue, 05 Mar 2024 00:00:00 GMT", 3)]
    [InlineData("Fri, 05 Apr 2024 00:00:00 GMT", 4)]
    [InlineData("Sun, 05 May 2024 00:00:00 GMT", 5)]
    [InlineData("Wed, 05 Jun 2024 00:00:00 GMT", 6)]
    [InlineData("Fri, 05 Jul 2024 00:00:00 GMT", 7)]
    [InlineData("Mon, 05 Aug 2024 00:00:00 GMT", 8)]
    [InlineData("Thu, 05 Sep 2024 00:00:00 GMT", 9)]
    [InlineData("Sat, 05 Oct 2024 00:00:00 GMT", 10)]
    [InlineData("Tue, 05 Nov 2024 00:00:00 GMT", 11)]
    [InlineData("Thu, 05 Dec 2024 00:00:00 GMT", 12)]
    public void Reads_every_month_by_its_english_abbreviation(string text, int month)
    {
        Assert.True(CommonDateShapes.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(2024, month, 5, 0, 0, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("Sat, 27 Jan 2024 10:00:00 UT", "2024-01-27T10:00:00.0000000Z")] // the shortest zone: no room to spare
    [InlineData("2024-01-27T10:00:00z", "2024-01-27T10:00:00.0000000Z")]
    [InlineData("2024-01-27T00:00:00Z", "2024-01-27T00:00:00.0000000Z")] // midnight
    [InlineData("2024-01-27T10:00:00+01:59", "2024-01-27T08:01:00.0000000Z")]
    [InlineData("2024-01-27T20:00:00+14:00", "2024-01-27T06:00:00.0000000Z")] // the largest offset there is
    [InlineData("2024-01-27T10:00:00-1400", "2024-01-28T00:00:00.0000000Z")]
    public void Reads_the_edges_of_each_part(string text, string expected)
    {
        Assert.True(CommonDateShapes.TryParse(text, out var value));
        Assert.Equal(expected, value.UtcDateTime.ToString("O"));
    }

    [Theory]
    [InlineData("Sat,27 Jan 2024 10:00:00 GMT")] // no space after the comma
    [InlineData("Satu 27 Jan 2024 10:00:00 GMT")] // no comma after the weekday
    [InlineData("Sat, 27 Jan-2024 10:00:00 GMT")] // no space after the month
    [InlineData("2024/01-27T10:00:00Z")]
    [InlineData("2024-01/27T10:00:00Z")]
    [InlineData("2024-01-27T10-00:00Z")]
    [InlineData("2024-01-27T1a:00:00Z")]
    [InlineData("2024-01-27T10:00:00.Z")] // a dot without digits
    [InlineData("2024-01-27T10:00:00.5")] // a fraction without a zone
    [InlineData("2024-01-27T10:00:00+01-00")]
    [InlineData("2024-01-27T10:00:00+01:60")]
    [InlineData("2024-01-27T10:00:00+0a:00")]
    [InlineData("2024-01-27T10:00:00+14:01")]
    [InlineData("0001-01-01T10:00:00Z")] // not a plausible year
    [InlineData("9999-12-31T10:00:00Z")]
    [InlineData("0000-01-01T10:00:00Z")]
    public void Rejects_near_misses(string text)
    {
        Assert.False(CommonDateShapes.TryParse(text, out _));
    }
}
