using System.Text;
using System.Text.Json;
using FeedAggregator.Parsing;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Parsing;

/// <summary>
/// A streamed parse (a large document read twice, its entries handed on one at a time) gives
/// exactly the feed the whole parse gives, or is the whole parse when the document needs it.
/// </summary>
public sealed class StreamedFeedTests
{
    private static readonly JsonSerializerOptions Describe = new() { WriteIndented = true };

    public static TheoryData<string> Fixtures()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing");
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_reads_the_same_streamed_as_whole(string name)
    {
        var bytes = ParsingFixtures.Bytes(name);
        var url = new Uri("http://example.com/dir/" + name.Replace('\\', '/'));

        Assert.Equal(Json(FeedParser.Default.Parse(bytes, url)), Json(Streamed(FeedParser.Default, bytes, url)));
    }

    [Theory]
    [InlineData("atom10.xml", true)]
    [InlineData("rss20-full.xml", true)]
    [InlineData("rss10-rdf.xml", true)]
    [InlineData("arabic-windows-1256.xml", true)]
    [InlineData("rss-bom-whitespace-before-declaration.xml", true)]
    [InlineData("atom03-utf16.xml", false)] // not ASCII-compatible
    [InlineData("rss091-doctype.xml", false)] // a DOCTYPE: entity repair reads it
    [InlineData("rss-truncated.xml", false)] // an XML error: recovery reads the whole text
    [InlineData("html-page.html", false)]
    [InlineData("jsonfeed-11.json", false)]
    public void Streams_a_well_formed_xml_document_and_reads_any_other_whole(string name, bool streamed)
    {
        var feed = FeedParser.Default.ParseStreamed(ParsingFixtures.Bytes(name), streamFromBytes: 0);

        Assert.Equal(streamed, feed.IsStreamed);
    }

    [Fact]
    public void The_feed_holds_its_entries_without_their_text_until_they_are_read_again()
    {
        var bytes = Rss(3, "<![CDATA[<p>caf&eacute;&nbsp;au lait</p>]]>");

        var feed = FeedParser.Default.ParseStreamed(bytes, streamFromBytes: 0);
        var handed = new List<ParsedEntry>();
        var changed = feed.ForEachEntry(handed.Add);

        Assert.True(feed.IsStreamed);
        Assert.Null(changed);
        Assert.Equal(["i0", "i1", "i2"], feed.Result.Feed!.Entries.Select(e => e.Id));
        Assert.All(feed.Result.Feed.Entries, e => Assert.Null(e.Content));
        Assert.Equal(["i0", "i1", "i2"], handed.Select(e => e.Id));
        Assert.All(handed, e => Assert.Equal("<p>caf&eacute;&nbsp;au lait</p>", e.Content));
        Assert.Equal(Json(FeedParser.Default.Parse(bytes)), Json(feed));
    }

    [Fact]
    public void Keeps_the_entry_limit_and_its_warning()
    {
        var parser = new FeedParser(Options.Create(new ParsingOptions { MaxEntries = 2 }));
        var bytes = Rss(5, "text");

        var feed = parser.ParseStreamed(bytes, streamFromBytes: 0);

        Assert.True(feed.IsStreamed);
        Assert.Equal(Json(parser.Parse(bytes)), Json(feed));
        Assert.Contains("the feed has 5 entries, more than the limit of 2; kept the first 2", feed.Result.Feed!.Warnings);
    }

    [Fact]
    public void A_document_under_the_threshold_or_needing_repair_is_read_whole()
    {
        var small = Rss(2, "text");
        var repaired = Rss(2, "caf&eacute;");

        Assert.False(FeedParser.Default.ParseStreamed(small).IsStreamed);
        Assert.False(FeedParser.Default.ParseStreamed(repaired, streamFromBytes: 0).IsStreamed);
        Assert.Equal(Json(FeedParser.Default.Parse(repaired)), Json(FeedParser.Default.ParseStreamed(repaired, streamFromBytes: 0)));
    }

    [Fact]
    public void A_document_of_many_blocks_reads_the_same_streamed_and_bytes_it_cannot_decode_read_whole()
    {
        // Two- and three-byte characters and CDATA sections across every block of the readers.
        var large = Rss(2500, "<![CDATA[<p>\u0645\u0631\u062d\u0628\u0627 caf\u00e9 &nbsp;\u20ac</p>]]> &amp; \u00e9t\u00e9");
        var invalid = large.Concat("<!-- \xff -->"u8.ToArray()).Append((byte)0xFF).ToArray();

        var streamed = FeedParser.Default.ParseStreamed(large, streamFromBytes: 0);
        var notStreamed = FeedParser.Default.ParseStreamed(invalid, streamFromBytes: 0);

        Assert.True(large.Length > 4 * 64 * 1024);
        Assert.True(streamed.IsStreamed);
        Assert.Equal(Json(FeedParser.Default.Parse(large)), Json(streamed));
        Assert.False(notStreamed.IsStreamed);
        Assert.Contains(notStreamed.Result.Feed!.Warnings, w => w.StartsWith("the document is not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_read_from_a_stream_is_opened_for_each_reading_and_a_too_large_one_is_never_read()
    {
        var bytes = Rss(3, "text");
        var opened = 0;
        var parser = new FeedParser(Options.Create(new ParsingOptions { MaxDocumentBytes = bytes.Length }));

        var feed = parser.ParseStreamed(() => { opened++; return new MemoryStream(bytes); }, bytes.Length, streamFromBytes: 0);
        var beforeEntries = opened;
        var entries = new List<ParsedEntry>();
        feed.ForEachEntry(entries.Add);
        var tooLarge = parser.ParseStreamed(() => throw new InvalidOperationException("read"), bytes.Length + 1L);

        Assert.True(feed.IsStreamed);
        Assert.Equal(3, entries.Count);
        Assert.True(opened > beforeEntries, "the entries are read again");
        Assert.StartsWith("the document is ", tooLarge.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, false, 2, "the document changed while it was read again; kept the 2 entries read before it")]
    [InlineData(5, false, 3, "the document changed while it was read again (it has more entries than before); kept the 3 entries read before it")]
    [InlineData(3, true, 0, "the document changed while it was read again; kept the 0 entries read before it")]
    public void A_document_that_reads_otherwise_the_second_time_hands_on_what_it_read_and_says_so(int itemsThen, bool invalidByte, int handedOn, string warning)
    {
        // A file rewritten in place between the two readings: fewer entries, more, or bytes that no longer decode.
        var current = Rss(3, "text");
        var parsed = FeedParser.Default.ParseStreamed(() => new MemoryStream(current), current.Length, streamFromBytes: 0);
        var rewritten = Rss(itemsThen, "text");
        current = invalidByte ? [.. rewritten[..^20], 0xFF, .. rewritten[^20..]] : rewritten;
        var handed = new List<string?>();

        var changed = parsed.ForEachEntry(e => handed.Add(e.Id));

        Assert.True(parsed.IsStreamed);
        Assert.Equal(warning, changed);
        Assert.Equal(new[] { "i0", "i1", "i2" }.Take(handedOn), handed);
    }

    [Fact]
    public void What_the_caller_throws_for_an_entry_is_not_taken_for_a_changed_document()
    {
        var parsed = FeedParser.Default.ParseStreamed(Rss(3, "text"), streamFromBytes: 0);

        Assert.Throws<IOException>(() => parsed.ForEachEntry(_ => throw new IOException("the output is closed")));
    }

    private static byte[] Rss(int items, string content) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
        {string.Concat(Enumerable.Range(0, items).Select(i => $"<item><guid>i{i}</guid><title>Item {i}</title><content:encoded>{content}</content:encoded></item>"))}
        <language>fr</language></channel></rss>
        """);

    private static StreamedFeed Streamed(FeedParser parser, byte[] bytes, Uri? url) => parser.ParseStreamed(bytes, url, streamFromBytes: 0);

    private static string Json(ParseResult result) => JsonSerializer.Serialize(result, Describe);

    // The streamed result with the entries as they are handed on, in the shape of a whole parse.
    private static string Json(StreamedFeed streamed)
    {
        var entries = new List<ParsedEntry>();
        streamed.ForEachEntry(entries.Add);
        var feed = streamed.Result.Feed;
        return JsonSerializer.Serialize(feed is null ? streamed.Result : ParseResult.Success(feed with { Entries = entries }), Describe);
    }
}
