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
    [InlineData("arc")]
    [InlineData("fa")]
    [InlineData("iw")]
    [InlineData("ji")]
    [InlineData("ks")]
    [InlineData("lrc")]
    [InlineData("mzn")]
    [InlineData("nqo")]
    [InlineData("pnb")]
    [InlineData("syr")]
    [InlineData("und-Hebr")]
    [InlineData("aii-Syrc")]
    [InlineData("und-Thaa")]
    [InlineData("man-Nkoo")]
    [InlineData("ff-Adlm")]
    [InlineData("rhg-Rohg")]
    // An undetermined script leaves the language to decide.
    [InlineData("ar-Zyyy")]
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
    [InlineData("ug-Latn")]
    [InlineData("ug-Cyrl")]
    [InlineData("ar-apc-Latn")]
    [InlineData("not a language")]
    public void Everything_else_reads_left_to_right(string? language) =>
        Assert.False(TextDirection.IsRightToLeft(language));
}
