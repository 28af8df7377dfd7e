using System.Text;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Text;
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

    private static (string Text, IReadOnlyList<string> Warnings) Decode(byte[] bytes, string? contentType = null)
    {
        var context = new ParseContext(new ParsingOptions(), null);
        using var text = DocumentDecoder.Decode(bytes, contentType, context);
        return (text.Span.ToString(), context.Warnings);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("ISO8859-1")]
    [InlineData(" latin1 ")]
    [InlineData("l1")]
    [InlineData("ascii")]
    [InlineData("US-ASCII")]
    [InlineData("windows-1252")]
    public void Latin1_and_ascii_labels_mean_windows_1252_as_on_the_web(string label)
    {
        byte[] bytes = [.. "<r>"u8, 0x80, 0x93, 0xE9, 0x94, .. "</r>"u8];

        var (text, warnings) = Decode(bytes, $"text/xml; charset={label}");

        Assert.Equal("<r>€“é”</r>", text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Reads_utf8_spelled_without_its_hyphen()
    {
        var (text, warnings) = Decode(Encoding.UTF8.GetBytes("<r>café</r>"), "application/rss+xml; charset=UTF8");

        Assert.Equal("<r>café</r>", text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Reads_big_endian_utf32_by_its_byte_order_mark()
    {
        var utf32 = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        byte[] bytes = [.. utf32.GetPreamble(), .. utf32.GetBytes("<r>café 😀</r>")];

        var (text, warnings) = Decode(bytes);

        Assert.Equal("<r>café 😀</r>", text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_content_type_may_say_utf16_when_the_bytes_alone_do_not()
    {
        // Leading whitespace hides the "<" next to a zero byte that would give UTF-16 away.
        var bytes = Encoding.Unicode.GetBytes("  <r>café</r>");

        var (text, warnings) = Decode(bytes, "text/xml; charset=utf-16");

        Assert.Equal("<r>café</r>", text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void An_xml_declaration_read_as_ascii_cannot_say_utf16()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>café</r>");

        var (text, warnings) = Decode(bytes);

        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>café</r>", text);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Says_where_an_unknown_encoding_was_named()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"x-vulcan\"?><r/>");

        var (_, warnings) = Decode(bytes, "text/xml; charset=x-klingon");

        Assert.Equal(
            [
                "unknown encoding \"x-klingon\" in the Content-Type charset; ignored it",
                "unknown encoding \"x-vulcan\" in the XML declaration's encoding; ignored it",
            ],
            warnings);
    }

    [Fact]
    public void The_offset_of_the_first_bad_byte_counts_the_byte_order_mark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "<r>ab"u8, 0xFF, .. "</r>"u8];

        var (text, warnings) = Decode(bytes);

        Assert.Equal("<r>ab�</r>", text);
        Assert.Equal(["the document is not valid utf-8 (first bad byte near offset 8); undecodable bytes were replaced"], warnings);
    }

    [Theory]
    [InlineData("text/xml; charset=KOI8-R", "KOI8-R")]
    [InlineData("text/xml; foo; charset=utf-8", "utf-8")]
    [InlineData("text/xml; Charset = \"koi8-r\" ", "koi8-r")]
    [InlineData("text/xml; format=flowed; CHARSET=utf-8; x=y", "utf-8")]
    [InlineData("text/xml; charset=\"\"", null)]
    [InlineData("text/xml; charset=", null)]
    [InlineData("text/xml", null)]
    [InlineData("text/xml; chars=utf-8", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Finds_the_charset_parameter_of_a_content_type(string? contentType, string? charset)
    {
        Assert.Equal(charset, ContentTypeCharset.Parse(contentType));
    }
}
