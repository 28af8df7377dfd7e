using FeedAggregator.Parsing.Dates;

namespace FeedAggregator.Tests.Parsing;

/// <summary>
/// The forgiving RFC 822 grammar on its own (the last-resort invariant parse behind it in
/// <see cref="FeedDateParser"/> would hide some of its faults), and the ISO grammar's zone check.
/// </summary>
public sealed class Rfc822DateTests
{
    [Theory]
    [InlineData("27-Jan-2024 10:00:00 +0000", "2024-01-27T10:00:00.0000000Z")]
    [InlineData("27 Jan 2024 10:00:00 GMT", "2024-01-27T10:00:00.0000000Z")] // no weekday
    [InlineData("Monday, 29 Jan 2024 10:00:00 GMT", "2024-01-29T10:00:00.0000000Z")] // the first weekday of the list
    [InlineData("Sat, 27 Jan 2024 10:00:00Z", "2024-01-27T10:00:00.0000000Z")] // zone glued to the time
    [InlineData("Sat, 27 Jan 2024 10:00:00+0100", "2024-01-27T09:00:00.0000000Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 GMT+01:00", "2024-01-27T09:00:00.0000000Z")] // a named zone with an offset after it
    [InlineData("Sat, 27 Jan 2024 10:00:00.123 GMT", "2024-01-27T10:00:00.1230000Z")]
    [InlineData("Fri, 27 Jan 50 10:00:00 GMT", "1950-01-27T10:00:00.0000000Z")] // RFC 2822: 50 and later are 19xx
    [InlineData("Fri, 27 Jan 49 10:00:00 GMT", "2049-01-27T10:00:00.0000000Z")]
    public void Reads_the_variants_feeds_write(string text, string expected)
    {
        Assert.True(Rfc822Date.TryParse(text, out var value));
        Assert.Equal(expected, value.UtcDateTime.ToString("O"));
    }

    [Theory]
    [InlineData("Sat, 27 Ju 2024 10:00:00 GMT")] // a month needs three letters: June or July?
    [InlineData("Sat, 27 Jan 2024 10:00:00:00 GMT")]
    [InlineData("Sat, 27 Jan 2024 10:00:00.1.2 GMT")]
    [InlineData("Sat, 27 Jan 2024 10:00:00.1:2 GMT")]
    public void Rejects_what_is_not_a_date(string text)
    {
        Assert.False(Rfc822Date.TryParse(text, out _));
    }

    [Fact]
    public void An_iso_date_with_an_impossible_zone_is_not_read()
    {
        Assert.False(Iso8601Date.TryParse("2024-01-27T10:00+05:60", out _));
    }
}
