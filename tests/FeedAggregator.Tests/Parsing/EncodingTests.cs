using System.Text;
using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class EncodingTests
{
    [Fact]
    public void Reads_windows_1256_named_only_in_the_xml_declaration()
    {
        var feed = ParseFeed("arabic-windows-1256.xml");

        Assert.Equal("أخبار المدينة", feed.Title);
        Assert.Equal("ar", feed.Language);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("افتتاح مكتبة عامة جديدة في وسط المدينة", entry.Title);
        Assert.Equal(["ثقافة"], entry.Categories);
        Assert.Equal("<p>افتتحت البلدية اليوم مكتبة عامة تضم أكثر من عشرين ألف كتاب.</p>", entry.Summary);
        Assert.Equal(new DateTimeOffset(2024, 1, 27, 10, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Reads_a_charset_given_only_in_the_content_type()
    {
        var feed = ParseFeed("koi8r-charset-in-content-type.xml", contentType: "application/rss+xml; charset=\"KOI8-R\"");

        Assert.Equal("Новости Севера", feed.Title);
        Assert.Equal("Мост откроют в пятницу", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void The_content_type_charset_wins_over_the_xml_declaration()
    {
        var bytes = Encoding.Latin1.GetBytes("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf""" + "\u00E9" + "</title></channel></rss>");

        var result = FeedParser.Default.Parse(bytes, contentType: "text/xml;charset=ISO-8859-1");

        Assert.Equal("Café", result.Feed!.Title);
    }

    [Fact]
    public void Reads_utf16_with_a_byte_order_mark()
    {
        var feed = ParseFeed("atom03-utf16.xml", contentType: "application/atom+xml");

        Assert.Equal("Old Blog", feed.Title);
        Assert.Equal(2, feed.Entries.Count);
    }

    [Fact]
    public void Skips_a_bom_and_whitespace_before_the_xml_declaration_and_keeps_control_characters()
    {
        var feed = ParseFeed("rss-bom-whitespace-before-declaration.xml");

        Assert.Equal("Café Stray Whitespace", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Ünïcödé survives", entry.Title);
        Assert.Equal("Control char: here\u0001there", entry.Summary);
    }

    [Fact]
    public void Replaces_bytes_that_are_not_utf8_and_says_so()
    {
        var bytes = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Caf__</title></channel><item><title>x</title></item></rss>");
        var at = Array.IndexOf(bytes, (byte)'_');
        bytes[at] = 0xE9; // a Latin-1 "é" in a document with no declared encoding
        bytes[at + 1] = (byte)'!';

        var feed = FeedParser.Default.Parse(bytes).Feed!;

        Assert.Equal("Caf\uFFFD!", feed.Title);
        Assert.Contains(feed.Warnings, w => w.Contains("not valid utf-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignores_an_unknown_charset_with_a_warning()
    {
        var bytes = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Ok</title><item><title>x</title></item></channel></rss>");

        var feed = FeedParser.Default.Parse(bytes, contentType: "application/xml; charset=x-klingon").Feed!;

        Assert.Equal("Ok", feed.Title);
        Assert.Contains(feed.Warnings, w => w.Contains("x-klingon", StringComparison.Ordinal));
    }
}
