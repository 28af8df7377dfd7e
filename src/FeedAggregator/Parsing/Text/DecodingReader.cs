using System.Buffers;
using System.Text;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// A document's bytes as text, decoded a block at a time as the XML reader asks for it, with the
/// leading whitespace and stray byte order marks that <see cref="PooledText.TrimStart"/> drops
/// dropped too: the text <see cref="DocumentDecoder.Decode"/> gives, without holding it whole.
/// </summary>
internal sealed class DecodingReader(ReadOnlyMemory<byte> body, Encoding encoding) : TextReader
{
    private const int BlockChars = 16 * 1024;

    private readonly Decoder _decoder = encoding.GetDecoder();
    private ReadOnlyMemory<byte> _left = body;
    private char[] _block = ArrayPool<char>.Shared.Rent(BlockChars);
    private int _position;
    private int _end;
    private bool _started;
    private bool _flushed;

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

    // True when a character is ready at _position; decodes the next block when none is. The whole
    // rest of the input is given each time, so flushing is always right.
    private bool Fill()
    {
        while (_position == _end)
        {
            if (_block.Length == 0)
                return false;
            if (_flushed)
            {
                End();
                return false;
            }
            _decoder.Convert(_left.Span, _block, flush: true, out var used, out _end, out _flushed);
            _left = _left[used..];
            _position = 0;
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

    private void End()
    {
        if (_block.Length > 0)
            ArrayPool<char>.Shared.Return(_block);
        _block = [];
        _position = _end = 0;
    }

    protected override void Dispose(bool disposing)
    {
        End();
        base.Dispose(disposing);
    }
}
