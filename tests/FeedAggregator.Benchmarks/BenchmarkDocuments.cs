using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// Deterministic feed documents of a given size, alike in content across formats: a title with an
/// entity, a link, an id, a date, an author, a category, an HTML summary and content, an enclosure.
/// </summary>
public static class BenchmarkDocuments
{
    private static readonly DateTimeOffset Start = new(2024, 1, 27, 10, 0, 0, TimeSpan.Zero);

    public static byte[] Build(string format, int entries) => format switch
    {
        "rss20" => Rss(entries),
        "atom10" => Atom(entries),
        "json11" => Json(entries),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "rss20, atom10 or json11"),
    };

    private static string Paragraphs(int i) =>
        string.Concat(Enumerable.Repeat($"<p>Paragraph of story {i} with some <em>emphasis</em> and text.</p>", 8));

    private static byte[] Rss(int entries)
    {
        var builder = new StringBuilder("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Benchmark Gazette</title><link>https://bench.example.com/</link>
            <description>Generated news</description><language>en</language>
            """);
        for (var i = 0; i < entries; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>Story number {i} &amp; its consequences</title>
                  <link>https://bench.example.com/stories/{i}</link>
                  <guid isPermaLink="false">story-{i}</guid>
                  <pubDate>{Start.AddHours(-i).ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                  <dc:creator>Writer {i % 7}</dc:creator>
                  <category>Section {i % 5}</category>
                  <description><![CDATA[<p>Summary of story {i}, with a <a href="/x/{i}">link</a>.</p>]]></description>
                  <content:encoded><![CDATA[{Paragraphs(i)}]]></content:encoded>
                  <enclosure url="https://cdn.example.com/{i}.mp3" type="audio/mpeg" length="{i * 1000}"/>
                </item>
                """);
        }
        builder.Append("</channel></rss>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Atom(int entries)
    {
        var builder = new StringBuilder("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
            <title>Benchmark Gazette</title><link href="https://bench.example.com/"/>
            <id>urn:bench</id><updated>2024-01-27T10:00:00Z</updated>
            """);
        for (var i = 0; i < entries; i++)
        {
            var date = Start.AddHours(-i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            builder.Append(CultureInfo.InvariantCulture, $"""
                <entry>
                  <title>Story number {i} &amp; its consequences</title>
                  <link href="https://bench.example.com/stories/{i}"/>
                  <id>story-{i}</id>
                  <published>{date}</published>
                  <updated>{date}</updated>
                  <author><name>Writer {i % 7}</name></author>
                  <category term="Section {i % 5}"/>
                  <summary type="html">&lt;p&gt;Summary of story {i}, with a &lt;a href="/x/{i}"&gt;link&lt;/a&gt;.&lt;/p&gt;</summary>
                  <content type="html"><![CDATA[{Paragraphs(i)}]]></content>
                  <link rel="enclosure" href="https://cdn.example.com/{i}.mp3" type="audio/mpeg" length="{i * 1000}"/>
                </entry>
                """);
        }
        builder.Append("</feed>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Json(int entries)
    {
        var items = Enumerable.Range(0, entries).Select(i => new Dictionary<string, object>
        {
            ["id"] = $"story-{i}",
            ["url"] = $"https://bench.example.com/stories/{i}",
            ["title"] = $"Story number {i} & its consequences",
            ["date_published"] = Start.AddHours(-i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["authors"] = new[] { new { name = $"Writer {i % 7}" } },
            ["tags"] = new[] { $"Section {i % 5}" },
            ["summary"] = $"Summary of story {i}.",
            ["content_html"] = Paragraphs(i),
            ["attachments"] = new[] { new { url = $"https://cdn.example.com/{i}.mp3", mime_type = "audio/mpeg", size_in_bytes = i * 1000 } },
        });
        var feed = new Dictionary<string, object>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = "Benchmark Gazette",
            ["home_page_url"] = "https://bench.example.com/",
            ["language"] = "en",
            ["items"] = items.ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(feed, new JsonSerializerOptions { WriteIndented = true });
    }
}
