using System.Globalization;
using System.Security;
using System.Text;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// Deterministic RSS documents of distinct articles for the ingest benchmarks: item i of feed f
/// always has the same guid, link, title and about 2 KB of article HTML (paragraphs of words
/// drawn from a 5,000-word vocabulary, a link, emphasis, an image), so that a document built again
/// holds the same entries, and different items read as different texts (random LSH buckets).
/// </summary>
internal static class IngestDocuments
{
    public const int ContentBytes = 2048;

    private static readonly string[] Vocabulary = BuildVocabulary();

    public static string Guid(int feed, int item) => $"f{feed}-i{item}";

    public static string Link(int feed, int item) => $"https://site{feed}.example/news/{item}";

    public static string Title(int feed, int item) => Words(new Random(Seed(feed, item) ^ 0x5bd1e995), 8);

    /// <summary>About <see cref="ContentBytes"/> characters of article HTML.</summary>
    public static string Html(int feed, int item)
    {
        var random = new Random(Seed(feed, item));
        var html = new StringBuilder(ContentBytes + 200);
        html.Append(CultureInfo.InvariantCulture, $"<p>{Words(random, 30)} <a href=\"https://ref.example/{random.Next()}\">{Words(random, 3)}</a> {Words(random, 20)}.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"https://img.example/{random.Next()}.jpg\" alt=\"{Words(random, 4)}\" width=\"640\" height=\"360\"></p>");
        while (html.Length < ContentBytes)
            html.Append(CultureInfo.InvariantCulture, $"<p>{Words(random, 25)} <em>{Words(random, 2)}</em> {Words(random, 15)}.</p>");
        return html.ToString();
    }

    public static byte[] Rss(int feed, IEnumerable<int> items)
    {
        var xml = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Site {feed}</title><link>https://site{feed}.example/</link><description>d</description>
            """);
        foreach (var item in items)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{Title(feed, item)}</title><link>{Link(feed, item)}</link><guid isPermaLink="false">{Guid(feed, item)}</guid>
                <pubDate>{new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(-item).ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                <description>{SecurityElement.Escape(Html(feed, item))}</description></item>
                """);
        }

        return Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
    }

    private static int Seed(int feed, int item) => HashCode.Combine(feed, item, 17);

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static string[] BuildVocabulary()
    {
        string[] syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "shi", "dun", "pe", "rai", "mo", "lek", "zu", "bar", "ni"];
        var random = new Random(5000);
        return [.. Enumerable.Range(0, 5000).Select(w => string.Concat(Enumerable.Range(0, 2 + w % 3).Select(_ => syllables[random.Next(syllables.Length)])))];
    }
}
