using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class TextDirectionTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("ar-EG")]
    [InlineData("AR")]
    [InlineData("fa_IR")]
    [InlineData("he")]
    [InlineData("ur")]
    [InlineData("yi")]
    [InlineData("ps")]
    [InlineData("sd")]
    [InlineData("ug")]
    [InlineData("ckb")]
    [InlineData("dv")]
    [InlineData("pa-Arab")]
    [InlineData("ku-Arab-IQ")]
    public void Right_to_left_languages_and_scripts(string language) =>
        Assert.True(TextDirection.IsRightToLeft(language));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("fr")]
    [InlineData("tr")]
    [InlineData("ku-Latn")]
    [InlineData("arn")]
    [InlineData("not a language")]
    public void Everything_else_reads_left_to_right(string? language) =>
        Assert.False(TextDirection.IsRightToLeft(language));
}
