using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Xml;
using FeedAggregator.Parsing.Json;
using FeedAggregator.Parsing.Xml;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Parsing;

/// <summary>
/// The parsing stage: detects the format from the content, then hands the document to that
/// format's parser. Never throws: a document that cannot be read is a <see cref="ParseResult"/>
/// failure that says why, and what could be tolerated is a warning on the parsed feed.
/// </summary>
public sealed class FeedParser(IOptions<ParsingOptions> options, ParseMetrics? metrics = null)
{
    /// <summary>A parser with the default limits, for callers without dependency injection.</summary>
    public static FeedParser Default { get; } = new(Options.Create(new ParsingOptions()));

    public ParseResult Parse(ReadOnlyMemory<byte> document, Uri? documentUrl = null, string? contentType = null)
    {
        var result = Read(document, documentUrl, contentType, out var family);
        if (result.Feed is null)
            metrics?.Failed(result.Format, family);
        return result;
    }

    /// <summary>Under a megabyte, holding a document costs less than reading it twice.</summary>
    public const int StreamFromBytes = 1 << 20;

    /// <summary>
    /// <see cref="Parse"/> for a caller that handles the entries one at a time: a well-formed XML
    /// document in an ASCII-compatible encoding, of <paramref name="streamFromBytes"/> or more, is
    /// read without its text or its entries' content held whole (see <see cref="StreamedFeed"/>);
    /// any other is parsed whole, as by <see cref="Parse"/>.
    /// </summary>
    public StreamedFeed ParseStreamed(ReadOnlyMemory<byte> document, Uri? documentUrl = null, string? contentType = null, int streamFromBytes = StreamFromBytes) =>
        document.Length < streamFromBytes
            ? StreamedFeed.Whole(Parse(document, documentUrl, contentType))
            : ParseStreamed(() => AsStream(document), document.Length, documentUrl, contentType, streamFromBytes);

    /// <summary>
    /// <see cref="ParseStreamed(ReadOnlyMemory{byte}, Uri?, string?, int)"/> of a document read
    /// from <paramref name="open"/> each time (a file: its bytes are not held either), which must
    /// give the same <paramref name="length"/> bytes every time.
    /// </summary>
    public StreamedFeed ParseStreamed(Func<Stream> open, long length, Uri? documentUrl = null, string? contentType = null, int streamFromBytes = StreamFromBytes)
    {
        var limits = options.Value;
        if (length > limits.MaxDocumentBytes)
        {
            metrics?.Failed(null, "unknown");
            return StreamedFeed.Whole(TooLarge(length, limits));
        }
        if (length >= streamFromBytes && FirstByte(open) is { } first && !IsJson(first)
            && XmlDocumentParser.ParseStreamed(open, contentType, limits, documentUrl) is { } streamed)
            return streamed;

        using var stream = open();
        using var whole = new MemoryStream((int)Math.Min(length, Array.MaxLength));
        stream.CopyTo(whole);
        return StreamedFeed.Whole(Parse(whole.GetBuffer().AsMemory(0, (int)whole.Length), documentUrl, contentType));
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> document) =>
        MemoryMarshal.TryGetArray(document, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);

    // The first byte of the document past a byte order mark and whitespace, when its first kilobytes hold one.
    private static byte? FirstByte(Func<Stream> open)
    {
        var head = new byte[4096];
        using var stream = open();
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return StartOf(head.AsSpan(0, length)) is { } first ? head[first] : null;
    }

    private static ParseResult TooLarge(long length, ParsingOptions limits) =>
        ParseResult.Failure($"the document is {length:N0} bytes, more than the limit of {limits.MaxDocumentBytes:N0}");

    private ParseResult Read(ReadOnlyMemory<byte> document, Uri? documentUrl, string? contentType, out string family)
    {
        family = "unknown";
        var limits = options.Value;
        if (document.Length > limits.MaxDocumentBytes)
            return TooLarge(document.Length, limits);

        var bytes = document.Span;
        if (StartOf(bytes) is not { } first)
            return ParseResult.Failure("the document is empty");

        var context = new ParseContext(limits, documentUrl);
        try
        {
            var json = IsJson(bytes[first]);
            family = json ? "json" : "xml";
            return json
                ? JsonFeedParser.Parse(bytes[first..], context)
                : XmlDocumentParser.Parse(bytes, contentType, context);
        }
        catch (XmlException ex)
        {
            return ParseResult.Failure($"malformed XML: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return ParseResult.Failure($"malformed JSON: {ex.Message}");
        }
        catch (DecoderFallbackException ex)
        {
            return ParseResult.Failure($"the document's bytes cannot be decoded: {ex.Message}");
        }
    }

    // Where the document's first character is, past a UTF-8 byte order mark and whitespace; null when it is empty.
    private static int? StartOf(ReadOnlySpan<byte> bytes)
    {
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var first = bytes[start..].IndexOfAnyExcept(" \t\r\n"u8);
        return first < 0 ? null : start + first;
    }

    // JSON is always UTF-8 (RFC 8259); anything else that does not open like JSON is XML or junk.
    private static bool IsJson(byte first) => first is (byte)'{' or (byte)'[';
}
