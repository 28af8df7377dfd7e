using FeedAggregator.Parsing.Dates;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The zone and fraction pieces the forgiving date grammars share.</summary>
public sealed class DatePartsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("+01", 60)]
    [InlineData("-0530", -330)]
    [InlineData("+01:59", 119)]
    [InlineData("GMT+1", 60)]
    [InlineData("UTC-0330", -210)]
    [InlineData("EST", -300)]
    public void Reads_a_zone_as_an_offset(string zone, int minutes)
    {
        Assert.True(DateParts.TryParseZone(zone, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData("0100")] // digits without a sign
    [InlineData("XYZ")]
    [InlineData("XYZ+01")] // a sign after something that is not a zone name
    [InlineData("+1a")]
    [InlineData("+01000")]
    [InlineData("+0160")]
    public void Rejects_what_is_not_a_zone(string zone)
    {
        Assert.False(DateParts.TryParseZone(zone, out _));
    }

    [Theory]
    [InlineData("5", 5_000_000)]
    [InlineData("1234567", 1_234_567)]
    [InlineData("123456789", 1_234_567)] // past seven digits is below a tick
    public void Reads_a_fraction_as_ticks(string digits, long ticks)
    {
        Assert.Equal(ticks, DateParts.FractionTicks(digits));
    }
}
