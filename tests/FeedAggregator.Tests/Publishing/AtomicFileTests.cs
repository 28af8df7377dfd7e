using FeedAggregator.Publishing;

namespace FeedAggregator.Tests.Publishing;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feedagg-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_new_file_is_written_with_its_folders_and_no_temporary_file_is_left()
    {
        var path = Path.Combine(_folder, "a", "b", "feed.atom");

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, [1, 2, 3], None));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task The_same_content_is_not_written_again()
    {
        var path = Path.Combine(_folder, "feed.atom");
        await AtomicFile.WriteIfChangedAsync(path, [1, 2, 3], None);
        var yesterday = DateTime.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(path, yesterday);

        Assert.False(await AtomicFile.WriteIfChangedAsync(path, [1, 2, 3], None));

        Assert.Equal(yesterday, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 4 })]
    [InlineData(new byte[] { 1, 2 })]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    public async Task Different_content_replaces_the_file(byte[] content)
    {
        var path = Path.Combine(_folder, "feed.atom");
        await AtomicFile.WriteIfChangedAsync(path, [1, 2, 3], None);

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, content, None));

        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_failed_rename_throws_and_leaves_no_temporary_file()
    {
        // A folder where the file should be: the content is written aside, the rename fails.
        var path = Path.Combine(_folder, "feed.atom");
        Directory.CreateDirectory(path);

        var error = await Record.ExceptionAsync(() => AtomicFile.WriteIfChangedAsync(path, [1, 2, 3], None));

        Assert.True(error is IOException or UnauthorizedAccessException, error?.ToString());
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
