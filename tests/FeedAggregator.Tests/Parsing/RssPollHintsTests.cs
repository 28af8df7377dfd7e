using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>What an RSS channel says about how often to poll it, as the parser reads it.</summary>
public sealed class RssPollHintsTests
{
    private static FeedAggregator.Parsing.PollHints HintsOf(string channel)
    {
        var result = ParseText($"""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel><title>Hints</title>{channel}<item><title>one</title><guid>1</guid></item></channel>
            </rss>
            """);
        var feed = Assert.IsType<FeedAggregator.Parsing.ParsedFeed>(result.Feed);
        Assert.Equal("one", Assert.Single(feed.Entries).Title); // a hint is never taken for an item field
        return feed.PollHints;
    }

    [Fact]
    public void A_channel_without_hints_has_none()
    {
        var hints = HintsOf("");
        Assert.Null(hints.Interval);
        Assert.Empty(hints.SkipHours);
        Assert.Empty(hints.SkipDays);
    }

    [Theory]
    [InlineData("<ttl>90</ttl>", 90)]
    [InlineData("<ttl> 15 </ttl>", 15)]
    [InlineData("<sy:updatePeriod>hourly</sy:updatePeriod>", 60)]
    [InlineData("<sy:updatePeriod> Daily </sy:updatePeriod>", 1440)]
    [InlineData("<sy:updatePeriod>weekly</sy:updatePeriod>", 10080)]
    [InlineData("<sy:updatePeriod>monthly</sy:updatePeriod>", 43200)]
    [InlineData("<sy:updatePeriod>yearly</sy:updatePeriod>", 525600)]
    [InlineData("<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>", 360)]
    [InlineData("<sy:updateFrequency>4</sy:updateFrequency><sy:updatePeriod>hourly</sy:updatePeriod>", 15)]
    public void The_interval_is_the_ttl_or_the_period_over_its_frequency(string channel, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), HintsOf(channel).Interval);

    [Theory]
    [InlineData("<ttl>120</ttl><sy:updatePeriod>hourly</sy:updatePeriod>", 120)] // the ttl is longer
    [InlineData("<ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod>", 60)] // the period is longer
    [InlineData("<sy:updatePeriod>hourly</sy:updatePeriod><ttl>60</ttl>", 60)]
    public void With_both_the_longer_one_wins(string channel, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), HintsOf(channel).Interval);

    [Theory]
    [InlineData("<ttl>soon</ttl>")]
    [InlineData("<ttl>-5</ttl>")]
    [InlineData("<sy:updatePeriod>fortnightly</sy:updatePeriod>")]
    [InlineData("<sy:updateFrequency>4</sy:updateFrequency>")]
    public void An_unreadable_value_is_no_hint(string channel) => Assert.Null(HintsOf(channel).Interval);

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("often")]
    public void An_unreadable_frequency_leaves_the_period_whole(string frequency) =>
        Assert.Equal(TimeSpan.FromDays(1), HintsOf($"<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>{frequency}</sy:updateFrequency>").Interval);

    [Fact]
    public void Skip_hours_are_read_with_24_as_midnight_and_nonsense_dropped()
    {
        var hints = HintsOf("<skipHours><hour> 7 </hour><hour>23</hour><hour>24</hour><hour>25</hour><hour>noon</hour><minute>5</minute></skipHours>");
        Assert.Equal([0, 7, 23], hints.SkipHours.Order());
    }

    [Fact]
    public void Skip_days_are_read_in_any_case_and_nonsense_dropped()
    {
        var hints = HintsOf("<skipDays><day>Saturday</day><day> sunday </day><day>Funday</day><day>7</day><hour>Monday</hour></skipDays>");
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], hints.SkipDays.Order());
    }
}
