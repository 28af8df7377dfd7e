using System.ComponentModel.DataAnnotations;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

public sealed class PollingOptionsTests
{
    [Fact]
    public void The_shortest_interval_may_not_be_longer_than_the_longest()
    {
        var options = new PollingOptions { MinInterval = TimeSpan.FromHours(2), MaxInterval = TimeSpan.FromHours(1) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal("Polling:MinInterval must not be longer than Polling:MaxInterval.", Assert.Single(results).ErrorMessage);
        var defaults = new PollingOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), [], validateAllProperties: true));
    }

    [Fact]
    public void The_shortest_and_the_longest_interval_may_be_the_same()
    {
        var options = new PollingOptions { MinInterval = TimeSpan.FromHours(1), MaxInterval = TimeSpan.FromHours(1) };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
