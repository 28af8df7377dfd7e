using System.Buffers;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// A document's text in a buffer rented from the shared pool. A feed of a megabyte decoded into
/// a string lands on the large object heap, and a poll cycle of such feeds then spends its time in
/// full garbage collections; a pooled buffer is reused instead. Dispose returns it.
/// </summary>
internal sealed class PooledText : IDisposable
{
    private char[] _buffer;
    private int _start;
    private int _end;

    public PooledText(int capacity) => _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 256));

    public ReadOnlySpan<char> Span => _buffer.AsSpan(_start, _end - _start);

    public int Length => _end - _start;

    /// <summary>Room for <paramref name="length"/> characters to be written at the end, then committed with <see cref="Advance"/>.</summary>
    public Span<char> GetSpan(int length)
    {
        Ensure(length);
        return _buffer.AsSpan(_end, length);
    }

    public void Advance(int count) => _end += count;

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(GetSpan(text.Length));
        _end += text.Length;
    }

    public void Append(char c)
    {
        GetSpan(1)[0] = c;
        _end++;
    }

    /// <summary>Drops everything after the first <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => _end = _start + Math.Clamp(length, 0, _end - _start);

    /// <summary>Leading whitespace and stray byte order marks are dropped (a template slip before "&lt;?xml").</summary>
    public void TrimStart()
    {
        while (_start < _end && (char.IsWhiteSpace(_buffer[_start]) || _buffer[_start] == '\uFEFF'))
            _start++;
    }

    /// <summary>A reader over the text as it is now; valid until this is disposed.</summary>
    public TextReader OpenReader() => new Reader(_buffer, _start, _end);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
            ArrayPool<char>.Shared.Return(buffer);
    }

    private void Ensure(int more)
    {
        if (_end + more <= _buffer.Length)
            return;
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + more));
        _buffer.AsSpan(_start, _end - _start).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        (_buffer, _end, _start) = (bigger, _end - _start, 0);
    }

    private sealed class Reader(char[] buffer, int start, int end) : TextReader
    {
        private int _position = start;

        public override int Peek() => _position < end ? buffer[_position] : -1;

        public override int Read() => _position < end ? buffer[_position++] : -1;

        public override int Read(char[] destination, int index, int count) => Read(destination.AsSpan(index, count));

        public override int Read(Span<char> destination)
        {
            var count = Math.Min(destination.Length, end - _position);
            buffer.AsSpan(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }
    }
}
