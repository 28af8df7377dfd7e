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

    // The edges of the scripts whose marks go: Latin to Cyrillic (below U+0530) and Arabic
    // (U+0600 to U+06FF); Armenian above the first and Syriac above the second keep theirs.
    [Theory]
    [InlineData("\u052F\u0301", "\u052F")] // the last Cyrillic letter, acute dropped
    [InlineData("\u0531\u0301", "\u0561\u0301")] // Armenian: lower-cased, the mark stays
    [InlineData("\u0600\u064E", "\u0600")] // the first Arabic character, fatha dropped
    [InlineData("\u06FF\u064E", "\u06FF")] // the last one
    [InlineData("\u0700\u064E", "\u0700\u064E")] // Syriac: the mark stays
    public void Marks_go_only_within_the_scripts_that_fold_them(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

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
