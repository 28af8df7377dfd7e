using System.Buffers;
using System.Text;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// UTF-8 written into this goes on to a text writer (the console, captured in tests) as soon as it
/// is committed, decoded a block at a time: JSON written straight out, never held whole.
/// </summary>
internal sealed class TextWriterBuffer(TextWriter output) : IBufferWriter<byte>
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private byte[] _bytes = new byte[16 * 1024];
    private readonly char[] _chars = new char[16 * 1024];

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > _bytes.Length)
            _bytes = new byte[Math.Max(sizeHint, _bytes.Length * 2)];
        return _bytes;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Advance(int count) => Write(_bytes.AsSpan(0, count), flush: false);

    /// <summary>Writes out a character left split by the last block (none in well-formed UTF-8).</summary>
    public void Flush() => Write([], flush: true);

    private void Write(ReadOnlySpan<byte> bytes, bool flush)
    {
        var completed = false;
        while (!completed)
        {
            // A character split at the end waits in the decoder for its other bytes.
            _decoder.Convert(bytes, _chars, flush, out var used, out var written, out completed);
            output.Write(_chars, 0, written);
            bytes = bytes[used..];
        }
    }
}
