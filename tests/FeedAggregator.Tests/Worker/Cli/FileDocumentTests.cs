using System.IO.Pipes;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>The file a streamed parse reads more than once.</summary>
public sealed class FileDocumentTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Each_reading_starts_at_the_beginning_of_the_file_as_it_was_opened()
    {
        var path = _folder.PathOf("feed.xml");
        var other = _folder.PathOf("other.xml");
        File.WriteAllText(path, "<rss>first</rss>");
        File.WriteAllText(other, "<rss>replaced</rss>");

        using var document = FileDocument.Open(path);
        var first = ReadAll(document);
        File.Move(other, path, overwrite: true); // renamed over, as an editor or a download saves
        var second = ReadAll(document);

        Assert.Equal(16, document.Length);
        Assert.Equal("<rss>first</rss>", first);
        Assert.Equal("<rss>first</rss>", second);
    }

    [Fact]
    public void A_pipe_is_read_whole_once()
    {
        // The read end of a pipe opened by its path, as "feedagg parse /dev/stdin" opens it.
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var readEnd = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        pipe.Write("<rss>piped</rss>"u8);
        using var document = FileDocument.Open(readEnd);
        pipe.DisposeLocalCopyOfClientHandle();
        pipe.Dispose();

        Assert.Equal(0, document.Length);
        Assert.Equal("<rss>piped</rss>", System.Text.Encoding.UTF8.GetString(document.ReadAll()));
    }

    private static string ReadAll(FileDocument document)
    {
        using var reader = new StreamReader(document.Read());
        return reader.ReadToEnd();
    }
}
