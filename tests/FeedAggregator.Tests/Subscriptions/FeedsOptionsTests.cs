using System.ComponentModel.DataAnnotations;
using FeedAggregator.Subscriptions;

namespace FeedAggregator.Tests.Subscriptions;

public sealed class FeedsOptionsTests
{
    private static bool IsValid(FeedsOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    [Fact]
    public void Without_configuration_the_subscriptions_are_config_feeds_opml()
    {
        var options = new FeedsOptions();

        Assert.Equal("config/feeds.opml", options.File);
        Assert.True(IsValid(options));
    }

    [Fact]
    public void An_empty_file_name_is_refused()
    {
        Assert.False(IsValid(new FeedsOptions { File = "" }));
    }
}
