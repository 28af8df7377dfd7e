using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class CharacterFilterTests
{
    [Theory]
    [InlineData("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg", "abcdefg")]
    [InlineData("del\u007F c1\u0080\u0085\u009F", "del c1")]
    [InlineData("non\uFFFEchar\uFFFF", "nonchar")]
    public void Removes_what_xml_cannot_carry(string input, string expected) =>
        Assert.Equal(expected, CharacterFilter.Strip(input));

    // Not [InlineData]: attribute strings are stored as UTF-8, which turns lone surrogates into U+FFFD.
    [Fact]
    public void Removes_lone_surrogates_and_keeps_pairs()
    {
        Assert.Equal("lone high", CharacterFilter.Strip("lone \uD800high"));
        Assert.Equal("lone low", CharacterFilter.Strip("lone \uDC00low"));
        Assert.Equal("reversed  pair", CharacterFilter.Strip("reversed \uDE8C\uD83D pair"));
        Assert.Equal("trailing high", CharacterFilter.Strip("trailing high\uD83D"));
        Assert.Equal("bus \uD83D\uDE8C kept", CharacterFilter.Strip("bus \uD83D\uDE8C\uDC00 kept"));
    }

    [Theory]
    [InlineData("tab\tcr\rlf\n")]
    [InlineData("emoji \U0001F68C and Arabic مرحبا")]
    [InlineData("private use \uE000 and \uFFFD replacement")]
    [InlineData("")]
    public void Keeps_valid_text_as_the_same_instance(string input) =>
        Assert.Same(input, CharacterFilter.Strip(input));

    [Fact]
    public void Null_stays_null() => Assert.Null(CharacterFilter.StripOrNull(null));

    [Fact]
    public void A_bad_first_character_is_removed_too() => Assert.Equal("abc", CharacterFilter.Strip("\u0007abc"));

    [Fact]
    public void Null_text_is_refused() => Assert.Throws<ArgumentNullException>("text", () => CharacterFilter.Strip(null!));
}
