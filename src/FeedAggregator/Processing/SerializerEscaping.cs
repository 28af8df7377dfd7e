using System.Buffers;
using System.Text;

namespace FeedAggregator.Processing;

/// <summary>
/// A string as a JSON string literal, byte for byte as the serializer's default encoder
/// (<c>JavaScriptEncoder.Default</c>) writes it: ASCII but for controls and the HTML-sensitive
/// characters, everything else as \uXXXX (a lone surrogate as \uFFFD). A test holds it to the
/// encoder on every UTF-16 code unit. Runs of plain ASCII are copied at once: article HTML, which
/// the encoder escapes a character at a time, is the input here.
/// </summary>
internal static class SerializerEscaping
{
    private static readonly byte[]?[] AsciiEscapes = BuildAsciiEscapes();

    private static readonly SearchValues<char> Verbatim =
        SearchValues.Create(string.Concat(Enumerable.Range(0, 128).Where(c => AsciiEscapes[c] is null).Select(c => (char)c)));

    public static void WriteLiteral(ReadOnlySpan<char> value, IBufferWriter<byte> output)
    {
        Put(output, "\""u8);
        while (!value.IsEmpty)
        {
            var run = value.IndexOfAnyExcept(Verbatim);
            if (run < 0)
                run = value.Length;
            if (run > 0)
            {
                Ascii.FromUtf16(value[..run], output.GetSpan(run), out var written);
                output.Advance(written);
                value = value[run..];
                continue;
            }

            var c = value[0];
            var length = 1;
            if (c < 128)
            {
                Put(output, AsciiEscapes[c]!);
            }
            else if (char.IsHighSurrogate(c) && value.Length > 1 && char.IsLowSurrogate(value[1]))
            {
                PutUnicode(output, c);
                PutUnicode(output, value[1]);
                length = 2;
            }
            else
            {
                PutUnicode(output, char.IsSurrogate(c) ? '\uFFFD' : c);
            }

            value = value[length..];
        }

        Put(output, "\""u8);
    }

    private static void Put(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static void PutUnicode(IBufferWriter<byte> output, char c)
    {
        var span = output.GetSpan(6);
        "\\u"u8.CopyTo(span);
        ((ushort)c).TryFormat(span[2..], out _, "X4");
        output.Advance(6);
    }

    private static byte[]?[] BuildAsciiEscapes()
    {
        var escapes = new byte[]?[128];
        for (var c = 0; c < 128; c++)
        {
            escapes[c] = c switch
            {
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                '\\' => "\\\\",
                < 0x20 or 0x7F or '"' or '&' or '\'' or '+' or '<' or '>' or '`' => $"\\u{c:X4}",
                _ => null,
            } is { } escape ? Encoding.ASCII.GetBytes(escape) : null;
        }

        return escapes;
    }
}
