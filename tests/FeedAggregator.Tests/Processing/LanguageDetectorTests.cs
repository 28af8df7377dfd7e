using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>The script of a text names its language only where the script nearly names one language.</summary>
public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("اتفق وزير الخارجية على مواصلة الجهود", "ar")]
    [InlineData("پدر", "fa")] // پ is Persian, not Arabic
    [InlineData("ٹماٹر", "ur")] // ٹ is Urdu
    [InlineData("שלום עולם", "he")]
    [InlineData("Καλημέρα κόσμε", "el")]
    [InlineData("สวัสดีชาวโลก", "th")]
    [InlineData("안녕하세요 세계", "ko")]
    [InlineData("ひらがなとカタカナ", "ja")]
    [InlineData("日本語の新聞", "ja")] // more kanji than kana: still Japanese
    [InlineData("中文新闻报道", "zh")]
    public void Each_script_names_its_language(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("An English headline")]
    [InlineData("Déjà vu à l'été: ça élève")]
    [InlineData("éàüöçñ")] // Latin letters beyond ASCII are still Latin
    [InlineData("Привет, мир")] // Cyrillic serves many languages
    [InlineData("2024 — 12 €")] // no letters at all
    [InlineData("")]
    [InlineData(null)]
    public void Latin_cyrillic_and_letterless_text_stay_unknown(string? text) =>
        Assert.Null(LanguageDetector.Detect(text));

    // The first and last letters of each range the detector reads (the range ends that are not
    // letters at all, such as U+0600 or U+FEFF, are skipped before the ranges are looked at).
    [Theory]
    [InlineData('\u06FF', "ar")]
    [InlineData('\u0750', "ar")]
    [InlineData('\u077F', "ar")]
    [InlineData('\u08A0', "ar")]
    [InlineData('\uFB50', "ar")] // presentation forms
    [InlineData('\uFDF0', "ar")]
    [InlineData('\uFE70', "ar")]
    [InlineData('\uFEFC', "ar")]
    [InlineData('\u0370', "el")]
    [InlineData('\u03FF', "el")]
    [InlineData('\uAC00', "ko")]
    [InlineData('\uD7A3', "ko")]
    [InlineData('\u1100', "ko")] // conjoining jamo
    [InlineData('\u11FF', "ko")]
    [InlineData('\u30FF', "ja")]
    [InlineData('\u4E00', "zh")]
    [InlineData('\u9FFF', "zh")]
    public void A_range_includes_its_first_and_last_letters(char letter, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(new string(letter, 3)));

    [Theory]
    [InlineData('\u067E')]
    [InlineData('\u0686')]
    [InlineData('\u0698')]
    [InlineData('\u06AF')]
    [InlineData('\u06CC')]
    [InlineData('\u06A9')]
    public void Each_letter_unique_to_persian_marks_a_text_persian(char letter) =>
        Assert.Equal("fa", LanguageDetector.Detect("كتاب " + letter));

    [Theory]
    [InlineData('\u0679')]
    [InlineData('\u0688')]
    [InlineData('\u0691')]
    [InlineData('\u06BA')]
    [InlineData('\u06D2')]
    [InlineData('\u06BE')]
    public void Each_letter_unique_to_urdu_marks_a_text_urdu(char letter) =>
        Assert.Equal("ur", LanguageDetector.Detect("كتاب " + letter));

    [Fact]
    public void One_persian_or_urdu_letter_in_fifty_arabic_ones_is_a_stray_not_a_language()
    {
        // Fewer than 1 in 50 letters: the text is Arabic with a loanword; 1 in 49 is enough.
        Assert.Equal("ar", LanguageDetector.Detect(new string('ب', 49) + "ٹ"));
        Assert.Equal("ur", LanguageDetector.Detect(new string('ب', 48) + "ٹ"));
        Assert.Equal("ar", LanguageDetector.Detect(new string('ب', 49) + "پ"));
        Assert.Equal("fa", LanguageDetector.Detect(new string('ب', 48) + "پ"));
    }

    [Fact]
    public void A_script_must_hold_more_than_half_of_the_letters()
    {
        Assert.Null(LanguageDetector.Detect("Ελλη abcd"));
        Assert.Equal("el", LanguageDetector.Detect("Ελληνα abcd"));
        Assert.Null(LanguageDetector.Detect("שלום abcd"));
        Assert.Null(LanguageDetector.Detect("สวัส abcd"));
        Assert.Null(LanguageDetector.Detect("안녕 ab"));
        Assert.Null(LanguageDetector.Detect("中文 ab"));
    }

    [Fact]
    public void Digits_spaces_and_punctuation_do_not_dilute_the_script()
    {
        Assert.Equal("el", LanguageDetector.Detect("Ελλάδα 2024-2025: 100%!!!"));
        Assert.Equal("ar", LanguageDetector.Detect("مصر 2024 — 1,000,000 (١٢٣٤٥٦٧٨٩)"));
    }
}
