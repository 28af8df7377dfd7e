using System.Text;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The reader a streamed parse decodes the document with: the text the whole decoding gives, a block at a time.</summary>
public sealed class DecodingReaderTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    public void Reads_the_text_the_whole_decoding_gives(string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(encodingName, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        // Past several blocks, with characters of two and three bytes across every block boundary.
        var body = string.Concat(Enumerable.Range(0, 9000).Select(i => i % 3 == 0 ? "caf\u00e9 " : i % 3 == 1 ? "\u20ac5 " : "<b>x</b> "));
        var text = $" \r\n\t<?xml version=\"1.0\" encoding=\"{encodingName}\"?><r>{body}</r>";
        var bytes = encoding.GetBytes(text);

        var whole = Whole(bytes);
        var streamed = Streamed(bytes);

        Assert.StartsWith("<?xml", whole, StringComparison.Ordinal);
        Assert.Equal(whole, streamed);
    }

    [Fact]
    public void Drops_leading_whitespace_and_byte_order_marks_longer_than_a_block()
    {
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 40_000) + "\uFEFF\n<r>\u0645\u0631\u062d\u0628\u0627</r>");
        // A streamed parse reads such a document whole (its encoding is sniffed past the head), but the reader is ready for it.
        using var reader = new DecodingReader(new MemoryStream(bytes), Encoding.UTF8, preamble: 0);

        Assert.Equal("<r>\u0645\u0631\u062d\u0628\u0627</r>", reader.ReadToEnd());
        Assert.Equal("<r>\u0645\u0631\u062d\u0628\u0627</r>", Whole(bytes));
    }

    [Fact]
    public void Reads_one_character_at_a_time_and_ends_on_an_empty_or_blank_document()
    {
        using var reader = Open(" <r/>"u8.ToArray());
        using var blank = Open("   \n\t"u8.ToArray());

        Assert.Equal('<', reader.Peek());
        Assert.Equal('<', reader.Read());
        Assert.Equal("r/>", reader.ReadToEnd());
        Assert.Equal(-1, reader.Read());
        Assert.Equal(-1, blank.Peek());
        Assert.Equal("", blank.ReadToEnd());
    }

    [Fact]
    public void Is_not_offered_for_an_encoding_whose_bytes_below_0x80_are_not_ascii_or_bytes_it_cannot_decode()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<r/>")).ToArray();
        var invalid = Encoding.UTF8.GetBytes("<r>caf\u00e9</r>").Concat(new byte[] { 0xC3 }).ToArray();
        var farDeclaration = Encoding.UTF8.GetBytes(new string(' ', 5000) + "<?xml version=\"1.0\" encoding=\"windows-1252\"?><r/>");

        Assert.Null(Choose(utf16));
        Assert.Null(Choose(invalid));
        Assert.Null(Choose(farDeclaration)); // past the head the encoding is sniffed from
        Assert.NotNull(Choose(Encoding.UTF8.GetBytes("<r>caf\u00e9</r>")));
    }

    private static string Whole(byte[] bytes)
    {
        using var text = DocumentDecoder.Decode(bytes, null, new ParseContext(new ParsingOptions(), null));
        return text.Span.ToString();
    }

    private static string Streamed(byte[] bytes)
    {
        using var reader = Open(bytes);
        var text = new StringBuilder();
        var block = new char[1000];
        int read;
        while ((read = reader.Read(block, 0, block.Length)) > 0)
            text.Append(block, 0, read);
        return text.ToString();
    }

    private static (Encoding Decoding, int Preamble)? Choose(byte[] bytes) =>
        DocumentDecoder.ChooseStreamed(() => new MemoryStream(bytes), null, new ParseContext(new ParsingOptions(), null));

    private static TextReader Open(byte[] bytes) =>
        Choose(bytes) is var (encoding, preamble) ? new DecodingReader(new MemoryStream(bytes), encoding, preamble) : throw new InvalidOperationException("not streamed");
}
