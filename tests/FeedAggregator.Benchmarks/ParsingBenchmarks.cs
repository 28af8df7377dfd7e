using System.Globalization;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using FeedAggregator.Parsing;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// What parsing a typical feed costs over the floor of merely reading its XML: a 100-item RSS 2.0
/// document with content:encoded, Dublin Core, categories and an enclosure per item.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private byte[] _document = [];

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Benchmark Gazette</title><link>https://bench.example.com/</link>
            <description>Generated news</description><language>en</language>
            """);
        var start = new DateTimeOffset(2024, 1, 27, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 100; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>Story number {i} &amp; its consequences</title>
                  <link>https://bench.example.com/stories/{i}</link>
                  <guid isPermaLink="false">story-{i}</guid>
                  <pubDate>{start.AddHours(-i).ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                  <dc:creator>Writer {i % 7}</dc:creator>
                  <category>Section {i % 5}</category>
                  <description><![CDATA[<p>Summary of story {i}, with a <a href="/x/{i}">link</a>.</p>]]></description>
                  <content:encoded><![CDATA[{string.Concat(Enumerable.Repeat($"<p>Paragraph of story {i} with some <em>emphasis</em> and text.</p>", 8))}]]></content:encoded>
                  <enclosure url="https://cdn.example.com/{i}.mp3" type="audio/mpeg" length="{i * 1000}"/>
                </item>
                """);
        }
        builder.Append("</channel></rss>");
        _document = Encoding.UTF8.GetBytes(builder.ToString());
    }

    [Benchmark(Baseline = true)]
    public int XmlReaderLoop()
    {
        using var reader = XmlReader.Create(new MemoryStream(_document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    [Benchmark]
    public int FeedParserParse() => FeedParser.Default.Parse(_document).Feed!.Entries.Count;
}
