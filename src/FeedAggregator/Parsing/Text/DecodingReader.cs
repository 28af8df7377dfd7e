using System.Buffers;
using System.Text;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// A document's bytes as text, read and decoded a block at a time as the XML reader asks for it,
/// with the leading whitespace and stray byte order marks that <see cref="PooledText.TrimStart"/>
/// drops dropped too: the text <see cref="DocumentDecoder.Decode"/> gives, never held whole.
/// Owns <paramref name="stream"/>.
/// </summary>
internal sealed class DecodingReader : TextReader
{
    private const int BlockBytes = 16 * 1024;

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
    // A block of bytes decodes to as many characters at most, and one more a character split before it.
    private char[] _block = ArrayPool<char>.Shared.Rent(BlockBytes + 1);
    private int _position;
    private int _end;
    private bool _started;
    private bool _ended;

    /// <param name="encoding">One that decodes no byte into more than one character (UTF-8, single-byte).</param>
    public DecodingReader(Stream stream, Encoding encoding, int preamble)
    {
        _stream = stream;
        _decoder = encoding.GetDecoder();
        stream.ReadExactly(_bytes, 0, preamble);
    }

    public override int Peek() => Fill() ? _block[_position] : -1;

    public override int Read() => Fill() ? _block[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty || !Fill())
            return 0;
        var count = Math.Min(destination.Length, _end - _position);
        _block.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }

    // True when a character is ready at _position; reads and decodes the next block when none is.
    private bool Fill()
    {
        while (_position == _end)
        {
            if (_ended)
                return false;
            var read = _stream.Read(_bytes, 0, BlockBytes);
            // The last call flushes what a cut-off character left in the decoder.
            _end = _decoder.GetChars(_bytes, 0, read, _block, 0, flush: read == 0);
            _position = 0;
            _ended = read == 0;
            if (!_started)
                SkipLeadingWhitespace();
        }
        return true;
    }

    private void SkipLeadingWhitespace()
    {
        while (_position < _end && (char.IsWhiteSpace(_block[_position]) || _block[_position] == '\uFEFF'))
            _position++;
        _started = _position < _end;
    }

    protected override void Dispose(bool disposing)
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            ArrayPool<char>.Shared.Return(_block);
            (_bytes, _block) = ([], []);
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }
}
