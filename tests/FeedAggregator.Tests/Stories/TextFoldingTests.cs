using FeedAggregator.Stories;

namespace FeedAggregator.Tests.Stories;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("الجَانِبَانِ", "الجانبان")] // diacritics
    [InlineData("العلاقـــات", "العلاقات")] // tatweel
    [InlineData("أمس إلى آخر ٱلقول", "امس الي اخر القول")] // alef variants, alef maqsura
    [InlineData("المتحدة", "المتحده")] // taa marbuta
    [InlineData("Café NAÏVE", "cafe naive")]
    [InlineData("ﬁle Ｆｕｌｌ", "file full")] // NFKC: ligature, full width
    [InlineData("٣٠ يناير", "30 يناير")]
    public void Folds_spellings_of_the_same_word_together(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Fact]
    public void Quote_marks_of_any_kind_separate_words_and_vanish()
    {
        Assert.Equal(TextFolding.Words("\"candid\" talks"), TextFolding.Words("“candid” talks"));
        Assert.Equal(TextFolding.Words("«رؤية سان فرانسيسكو»"), TextFolding.Words("“رؤية سان فرانسيسكو”"));
    }

    [Fact]
    public void Marks_that_carry_meaning_in_other_scripts_stay()
    {
        Assert.Equal("नमस्ते", TextFolding.Fold("नमस्ते"));
    }

    [Fact]
    public void A_bare_headline_gets_no_fingerprint()
    {
        Assert.Null(TextFingerprint.Of("Wang and Sullivan meet in Bangkok"));
        Assert.NotNull(TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, TextFingerprint.MinWords).Select(i => "word" + i))));
    }

    [Fact]
    public void A_fingerprint_survives_its_bytes()
    {
        var fingerprint = TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 40).Select(i => "w" + i)))!;
        var again = TextFingerprint.FromBytes(fingerprint.ToBytes())!;
        Assert.Equal(1.0, fingerprint.Similarity(again));
        Assert.Equal(fingerprint.Buckets(), again.Buckets());
    }
}
