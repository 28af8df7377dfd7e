using Microsoft.Win32.SafeHandles;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// A file that a streamed parse reads more than once (<see cref="Parsing.StreamedFeed"/>), each
/// time from its start, through one handle: a file renamed over while it is parsed is still read
/// as it was when opened, and its bytes are never held in memory.
/// </summary>
internal sealed class FileDocument : IDisposable
{
    private readonly SafeFileHandle _handle;

    private FileDocument(SafeFileHandle handle) => (_handle, Length) = (handle, LengthOf(handle));

    /// <summary>The file's length; 0 for one that can be read only once (a pipe).</summary>
    public long Length { get; }

    public static FileDocument Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan));

    /// <summary>A new reading from the start; disposing it leaves the file open.</summary>
    public Stream Read() => new Reading(_handle);

    /// <summary>
    /// The whole file, read once, then closed: for a small file, or one that can be read only
    /// once (a pipe, <c>/dev/stdin</c>: its length is 0 to <see cref="Length"/>).
    /// </summary>
    public byte[] ReadAll()
    {
        using var stream = new FileStream(_handle, FileAccess.Read, bufferSize: 0);
        using var bytes = new MemoryStream((int)Math.Min(Length, Array.MaxLength));
        stream.CopyTo(bytes);
        return bytes.Length == bytes.Capacity ? bytes.GetBuffer() : bytes.ToArray();
    }

    public void Dispose() => _handle.Dispose();

    private static long LengthOf(SafeFileHandle handle)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    private sealed class Reading(SafeFileHandle handle) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = RandomAccess.Read(handle, buffer, _position);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
