using System.Buffers;
using System.Text;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// Bytes to text, choosing the encoding as a browser would for a feed: the byte order mark, then
/// the Content-Type charset, then the XML declaration, else UTF-8. Bytes the encoding cannot
/// decode are replaced, with a warning, rather than losing the document.
/// </summary>
internal static class DocumentDecoder
{
    private const int HeadBytes = 4096;
    private const int BlockBytes = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static DocumentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The document's text, leading whitespace dropped, in a pooled buffer the caller disposes.</summary>
    public static PooledText Decode(ReadOnlySpan<byte> bytes, string? contentType, ParseContext context)
    {
        var (decoding, preamble, length) = Choose(bytes, contentType, context);
        var text = new PooledText(length);
        text.Advance(decoding.GetChars(bytes[preamble..], text.GetSpan(length)));
        // Whitespace before "<?xml" (a common server-side template slip) makes the declaration illegal.
        text.TrimStart();
        return text;
    }

    /// <summary>
    /// For a streamed parse (a large document read twice as <see cref="DecodingReader"/>s, never held
    /// whole): the encoding <see cref="Decode"/> would choose, strict, and where the body starts,
    /// when every byte below 0x80 is the ASCII character it is in that encoding (UTF-8 and the
    /// single-byte encodings, so the bytes can be searched for markup as they are) and every byte
    /// decodes; else null, and the document is decoded whole (which says where a bad byte is).
    /// </summary>
    public static (Encoding Decoding, int Preamble)? ChooseStreamed(Func<Stream> open, string? contentType, ParseContext context)
    {
        var head = new byte[HeadBytes];
        int length;
        using (var stream = open())
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);

        var bytes = head.AsSpan(0, length);
        // The XML declaration is looked for past leading whitespace: it must lie within the head.
        var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        if (length == HeadBytes && (first < 0 || first + XmlDeclaration.MaxDeclarationBytes > length))
            return null;
        var (encoding, preamble) = Pick(bytes, contentType, context);
        if (encoding is not UTF8Encoding && !encoding.IsSingleByte)
            return null;
        var strict = Strict(encoding);
        return DecodesWhole(open, strict, preamble) ? (strict, preamble) : null;
    }

    // The encoding that decodes the body (strict, else replacing with a warning), where the body
    // starts, and how many characters it decodes to.
    private static (Encoding Decoding, int Preamble, int Length) Choose(ReadOnlySpan<byte> bytes, string? contentType, ParseContext context)
    {
        var (encoding, preamble) = Pick(bytes, contentType, context);
        var body = bytes[preamble..];
        var decoding = Strict(encoding);
        try
        {
            return (decoding, preamble, decoding.GetCharCount(body));
        }
        catch (DecoderFallbackException ex)
        {
            context.Warn($"the document is not valid {encoding.WebName} (first bad byte near offset {preamble + ex.Index}); undecodable bytes were replaced");
            return (encoding, preamble, encoding.GetCharCount(body));
        }
    }

    // The document's encoding, from its first bytes, and the length of its byte order mark.
    private static (Encoding Encoding, int Preamble) Pick(ReadOnlySpan<byte> bytes, string? contentType, ParseContext context)
    {
        var (encoding, preamble) = FromByteOrderMark(bytes);
        encoding ??= FromName(ContentTypeCharset.Parse(contentType), "the Content-Type charset", context, allowUtf16: true)
            ?? FromUtf16Pattern(bytes)
            ?? FromName(XmlDeclaration.SniffEncoding(bytes), "the XML declaration's encoding", context, allowUtf16: false)
            ?? Encoding.UTF8;
        return (encoding, preamble);
    }

    // Read to the end through the reader the streamed parse decodes with: the strict encoding
    // throws at the first byte it cannot decode.
    private static bool DecodesWhole(Func<Stream> open, Encoding strict, int preamble)
    {
        using var reader = new DecodingReader(open(), strict, preamble);
        var chars = ArrayPool<char>.Shared.Rent(BlockBytes);
        try
        {
            while (reader.Read(chars, 0, chars.Length) > 0)
            {
            }
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static (Encoding? Encoding, int Preamble) FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };

    // UTF-16 without a byte order mark still starts with "<" next to a zero byte.
    private static Encoding? FromUtf16Pattern(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [(byte)'<', 0x00, not 0x00, 0x00, ..] => Encoding.Unicode,
        [0x00, (byte)'<', 0x00, not 0x00, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static Encoding? FromName(string? name, string source, ParseContext context, bool allowUtf16)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;

        var normalized = name.Trim().ToLowerInvariant() switch
        {
            "utf8" => "utf-8",
            // As the WHATWG Encoding standard does: these labels mean windows-1252 on the web.
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" => "windows-1252",
            var other => other,
        };
        try
        {
            var encoding = Encoding.GetEncoding(normalized);
            // A declaration read as ASCII cannot truly say UTF-16/32: the bytes have already said otherwise.
            return !allowUtf16 && encoding is UnicodeEncoding or UTF32Encoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            context.Warn($"unknown encoding \"{name}\" in {source}; ignored it");
            return null;
        }
    }

    private static Encoding Strict(Encoding encoding) =>
        encoding is UTF8Encoding
            ? StrictUtf8
            : Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
}
