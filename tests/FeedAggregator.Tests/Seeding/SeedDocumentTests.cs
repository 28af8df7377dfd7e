using FeedAggregator.Seeding;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Seeding;

public sealed class SeedDocumentTests
{
    private const string Arabic = """
        اتفق وزير الخارجية الصيني وانغ يي، ومستشار الأمن القومي الأمريكي جيك سوليفان، أمس السبت ببانكوك، على مواصلة الجهود لتحسين العلاقات المتوترة بين البلدين بسبب الخلافات حول عدد من القضايا.
        وذكر بيان للسفارة الصينية ببانكوك بعد اللقاء بين المسؤولين أن الجانبين أجريا تواصلا استراتيجيا مباشرا.
        تعليقات الزوار ( 0 )
        """;

    [Fact]
    public void An_arabic_document_becomes_an_arabic_entry_without_its_comment_counter()
    {
        var entry = SeedDocument.Read(Arabic)!;

        Assert.Equal("ar", entry.Language);
        Assert.StartsWith("seed:", entry.Id);
        Assert.StartsWith("اتفق وزير الخارجية الصيني وانغ يي", entry.Title);
        Assert.True(entry.Title!.Length <= 121);
        Assert.Equal(2, entry.Content!.Split("<p>").Length - 1);
        Assert.DoesNotContain("تعليقات", entry.Content);
    }

    [Fact]
    public void The_id_depends_on_the_normalised_text_only()
    {
        var a = SeedDocument.Read(Arabic)!;
        var b = SeedDocument.Read("\uFEFF" + Arabic.Replace("\n", "\r\n\r\n").Replace(" ", "  "))!;
        var c = SeedDocument.Read(Arabic.Replace("أمس السبت", "أمس الأحد"))!;
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
    }

    [Fact]
    public void An_english_file_has_its_first_sentence_as_title_and_keeps_its_paragraphs()
    {
        var entry = SeedDocument.Read(File.ReadAllText(TestFiles.Path("Seeding", "en_story.txt")))!;
        Assert.Equal("The city council approved the new cycling plan on Tuesday", entry.Title);
        Assert.Null(entry.Language); // Latin script: unknown rather than guessed.
        Assert.Equal(3, entry.Content!.Split("<p>").Length - 1);
        Assert.DoesNotContain("Comments (12)", entry.Content);
        Assert.Contains("cost was too high; supporters", entry.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n \n\t\n")]
    public void An_empty_document_is_no_entry(string text) => Assert.Null(SeedDocument.Read(text));

    [Fact]
    public void Text_is_encoded_as_html()
    {
        var entry = SeedDocument.Read("Fish & <chips> are \"great\".\nSecond line.")!;
        Assert.Contains("Fish &amp; &lt;chips&gt;", entry.Content);
    }
}
