using System.Security.Cryptography;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// Stored content hashes must keep their meaning: the hash written field by field is the one of
/// the serializer's JSON of the same fields, as articles were hashed when they were stored.
/// </summary>
public sealed class ContentHashTests
{
    public static TheoryData<string> Names => [.. Articles.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_hash_is_the_one_of_the_serialized_fields(string name) =>
        Assert.Equal(Reference(Articles[name]), ContentHash.Of(Articles[name]));

    [Fact]
    public void Every_code_unit_is_escaped_as_the_serializer_escapes_it()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        string[] pairs = ["\uD83D\uDE00", "\uD800x", "x\uDC00", "\uDBFF\uDFFF", "\uD800\uD800", "a\uD800"];
        foreach (var value in Enumerable.Range(0, 0x10000).Select(c => $"a{(char)c}b").Concat(pairs))
        {
            output.ResetWrittenCount();
            SerializerEscaping.WriteLiteral(value, output);
            Assert.Equal(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
        }
    }

    [Fact]
    public void Any_published_field_changes_the_hash()
    {
        var article = Articles["full"];
        Article[] changed =
        [
            article with { Url = "https://example.org/b" }, article with { Title = "T2" },
            article with { SummaryHtml = null }, article with { ContentHtml = "<p>other</p>" },
            article with { Authors = [new Author("Ann", null)] }, article with { Categories = [] },
            article with { Enclosures = [] }, article with { Published = null }, article with { Language = "en" },
        ];
        Assert.Equal(changed.Length + 1, changed.Select(ContentHash.Of).Append(ContentHash.Of(article)).Distinct().Count());
    }

    [Fact]
    public void A_thread_hashing_one_article_after_another_hashes_each_as_if_alone()
    {
        // Each thread reuses its buffers: a long article, one past the kept size, then short ones,
        // and an empty one after a full one, must leave nothing of the earlier one behind.
        var huge = Articles["full"] with { ContentHtml = new string('x', 300 * 1024) };
        Article[] sequence = [Articles["full"], huge, Articles["empty"], Articles["full"], Articles["empty"]];

        Assert.Equal(sequence.Select(Reference), sequence.Select(ContentHash.Of));
    }

    private static readonly Dictionary<string, Article> Articles = new()
    {
        ["empty"] = new Article { Key = "k", Title = "", ContentHash = "" },
        ["full"] = new Article
        {
            Key = "k",
            Url = "https://example.org/a?x=1&y=<2>",
            Title = "Q&A: \"quotes\" and 'apostrophes' \u2014 café",
            SummaryHtml = "<p>summary with <a href=\"https://example.org/\">a link</a> &amp; more</p>",
            ContentHtml = "<p dir=\"rtl\">وكالة الأنباء</p><p>emoji \U0001F600, tab\t, newline\n, nul-free</p>",
            Authors = [new Author("Jane Doe", "jane@example.org"), new Author("Only Name", null), new Author(null, "only@example.org")],
            Categories = ["World", "Économie", "<b>"],
            Enclosures = [new Enclosure("https://example.org/a.mp3", "audio/mpeg", 1234), new Enclosure("https://example.org/b", null, null)],
            Published = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero),
            Updated = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
            Language = "ar",
            ContentHash = "",
        },
    };

    // How articles were hashed when the hashes in stores were written.
    private static string Reference(Article article)
    {
        var published = new
        {
            article.Url, article.Title, article.SummaryHtml, article.ContentHtml,
            Authors = article.Authors.Select(a => a.Name is null || a.Email is null ? (object)a.Label : a),
            article.Categories, article.Enclosures, article.Published, article.Updated, article.Language,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(published)), 0, 16);
    }
}
