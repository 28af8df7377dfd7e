using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace FeedAggregator.Benchmarks.Corpus;

/// <summary>
/// Writes feeds whose entries carry realistic article HTML (<see cref="ArticleHtml"/>), in RSS 2.0,
/// Atom 1.0 and JSON Feed 1.1 in turn: the generated half of the parse benchmark's corpus
/// (<c>dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- corpus DIR [FEEDS] [ENTRIES]</c>).
/// </summary>
public static class FeedCorpus
{
    private static readonly DateTimeOffset Start = new(2024, 1, 27, 10, 0, 0, TimeSpan.Zero);

    public static void Write(string directory, int feeds, int entries)
    {
        Directory.CreateDirectory(directory);
        var articles = new ArticleHtml(seed: 2024);
        for (var f = 0; f < feeds; f++)
        {
            var html = Enumerable.Range(0, entries).Select(e => articles.Article(f * entries + e, paragraphs: 5 + (e % 6))).ToList();
            var (name, text) = (f % 3) switch
            {
                0 => ($"feed-{f:D4}.rss.xml", Rss(f, html)),
                1 => ($"feed-{f:D4}.atom.xml", Atom(f, html)),
                _ => ($"feed-{f:D4}.json", Json(f, html)),
            };
            File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
        }
    }

    private static string Date(int f, int e, string format) =>
        Start.AddHours(-(f * 7 + e)).ToString(format, CultureInfo.InvariantCulture);

    private static string Rss(int f, List<string> html)
    {
        var xml = new StringBuilder($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>News {f} &amp; more</title><link>https://news{f}.example.com/</link><description>Generated</description><language>en</language>

            """);
        for (var e = 0; e < html.Count; e++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Story {e} of feed {f}: what &#8220;it&#8221; means</title><link>https://news{f}.example.com/2024/{e}/story/?utm_source=rss</link>
                <guid isPermaLink="false">news{f}-{e}</guid><pubDate>{Date(f, e, "r")}</pubDate><dc:creator>Writer {e % 7}</dc:creator>
                <category>Section {e % 5}</category><description>{SecurityElement.Escape(html[e][..Math.Min(400, html[e].Length)])}</description>
                <content:encoded><![CDATA[{html[e]}]]></content:encoded></item>

                """);
        }

        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(int f, List<string> html)
    {
        var xml = new StringBuilder($"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>News {f}</title><id>urn:news:{f}</id>
            <link href="https://news{f}.example.com/"/><updated>{Date(f, 0, "yyyy-MM-dd'T'HH:mm:ss'Z'")}</updated>

            """);
        for (var e = 0; e < html.Count; e++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <entry><title type="html">Story {e} of feed {f} &amp;amp; &lt;em&gt;more&lt;/em&gt;</title><id>urn:news:{f}:{e}</id>
                <link href="https://news{f}.example.com/2024/{e}/"/><updated>{Date(f, e, "yyyy-MM-dd'T'HH:mm:ss'Z'")}</updated>
                <author><name>Writer {e % 7}</name></author><category term="section-{e % 5}"/>
                <content type="html">{SecurityElement.Escape(html[e])}</content></entry>

                """);
        }

        return xml.Append("</feed>\n").ToString();
    }

    private static string Json(int f, List<string> html) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = $"News {f}",
        ["home_page_url"] = $"https://news{f}.example.com/",
        ["language"] = "en",
        ["items"] = html.Select((content, e) => new Dictionary<string, object>
        {
            ["id"] = $"news{f}-{e}",
            ["url"] = $"https://news{f}.example.com/2024/{e}/",
            ["title"] = $"Story {e} of feed {f}",
            ["content_html"] = content,
            ["date_published"] = Date(f, e, "yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["authors"] = new[] { new Dictionary<string, string> { ["name"] = $"Writer {e % 7}" } },
            ["tags"] = new[] { $"Section {e % 5}" },
        }).ToList(),
    });
}
