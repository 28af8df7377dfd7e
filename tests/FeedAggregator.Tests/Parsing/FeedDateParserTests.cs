using FeedAggregator.Parsing.Dates;

namespace FeedAggregator.Tests.Parsing;

public sealed class FeedDateParserTests
{
    [Theory]
    // RFC 822 / 1123 and what feeds make of it
    [InlineData("Sat, 27 Jan 2024 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 +0000", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 +0200", "2024-01-27T08:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 -05:30", "2024-01-27T15:30:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 EST", "2024-01-27T15:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 PDT", "2024-01-27T17:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 UT", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 Z", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 CEST", "2024-01-27T08:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 7 Jan 2024 10:00:00 GMT", "2024-01-07T10:00:00Z")]
    [InlineData("27 Jan 2024 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Sat 27 Jan 2024 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Saturday, 27 January 2024 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Wed, 27 Sept 2023 10:00:00 GMT", "2023-09-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 24 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("Mon, 04 Jan 99 10:00:00 GMT", "1999-01-04T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 +0000 (UTC)", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 GMT+0100", "2024-01-27T09:00:00Z")]
    [InlineData("sat, 27 jan 2024 10:00:00 gmt", "2024-01-27T10:00:00Z")]
    [InlineData("Jan 27, 2024 10:00:00 GMT", "2024-01-27T10:00:00Z")]
    [InlineData("27-Jan-2024 10:00:00 +0000", "2024-01-27T10:00:00Z")]
    [InlineData("Sat, 27 Jan 2024 10:00:00.123Z", "2024-01-27T10:00:00.123Z")]
    [InlineData("Tue, 9 Jan 24 8:05 PST", "2024-01-09T16:05:00Z")]
    [InlineData("Sun, 31 Dec 2023 23:30:00 -0100", "2024-01-01T00:30:00Z")]
    [InlineData("Sat, 27 Jan 2024", "2024-01-27T00:00:00Z")]
    // ISO 8601 / W3CDTF
    [InlineData("2024-01-27T10:00:00Z", "2024-01-27T10:00:00Z")]
    [InlineData("2024-01-27T10:00:00+01:00", "2024-01-27T09:00:00Z")]
    [InlineData("2024-01-27T10:00:00-0800", "2024-01-27T18:00:00Z")]
    [InlineData("2024-01-27T10:00:00+05", "2024-01-27T05:00:00Z")]
    [InlineData("2024-01-27T10:00Z", "2024-01-27T10:00:00Z")]
    [InlineData("2024-01-27T10:00:00.5Z", "2024-01-27T10:00:00.5Z")]
    [InlineData("2024-01-27T10:00:00.123456789Z", "2024-01-27T10:00:00.1234567Z")]
    [InlineData("2024-01-27T10:00:00,25Z", "2024-01-27T10:00:00.25Z")]
    [InlineData("2024-01-27T10:00:00", "2024-01-27T10:00:00Z")]
    [InlineData("2024-01-27 10:00:00", "2024-01-27T10:00:00Z")]
    [InlineData("2024-01-27 10:00:00 +02:00", "2024-01-27T08:00:00Z")]
    [InlineData("2024-01-27t10:00:00z", "2024-01-27T10:00:00Z")]
    [InlineData("2024-01-27", "2024-01-27T00:00:00Z")]
    [InlineData("2024-01", "2024-01-01T00:00:00Z")]
    [InlineData("  2024-01-27T10:00:00Z\n", "2024-01-27T10:00:00Z")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z")]
    public void Reads_the_date_as_utc(string text, string expected)
    {
        var parsed = FeedDateParser.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Value.Offset);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("sometime last week")]
    [InlineData("Fri, 31 Feb 2024 10:00:00 GMT")]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-01-27T25:00:00Z")]
    [InlineData("2024-01-27T10:61:00Z")]
    [InlineData("2024-01-27T10:00:00+15:00")]
    [InlineData("Sat, 27 Foo 2024 10:00:00 GMT")]
    [InlineData("Sat, 27 Jan 2024 10:00:00 +99")]
    [InlineData("32/13/2024")]
    [InlineData("0000-00-00 00:00:00")]
    [InlineData("1706349600")]
    public void Returns_null_for_what_is_not_a_date(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
        Assert.False(FeedDateParser.TryParse(text, out _));
    }

    [Fact]
    public void A_date_read_by_the_last_resort_grammar_is_given_in_utc()
    {
        var value = FeedDateParser.Parse("01/27/2024 10:00:00 +01:00");

        Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
        Assert.Equal(new DateTime(2024, 1, 27, 9, 0, 0, DateTimeKind.Utc), value.Value.UtcDateTime);
    }

    [Fact]
    public void A_date_in_year_9999_is_not_a_plausible_date_in_any_grammar()
    {
        Assert.Null(FeedDateParser.Parse("12/31/9999 10:00:00"));
    }

    [Fact]
    public void Space_around_a_date_only_the_iso_grammar_reads_is_ignored()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 10, 0, 0, 500, TimeSpan.Zero), FeedDateParser.Parse("  2024-01-27T10:00:00,5Z "));
    }
}
