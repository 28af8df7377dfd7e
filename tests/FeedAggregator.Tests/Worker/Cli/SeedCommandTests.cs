using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>seed [DIR]</c>: imports documents once, publishes, and says what it did.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SeedCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public SeedCommandTests() => _folder.WriteOpml();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Imports_a_folder_once_and_publishes_the_files()
    {
        var dir = _folder.PathOf("more-seeds");
        Directory.CreateDirectory(dir);
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(dir, "001.txt"));
        File.Copy(TestFiles.Path("Stories", "other-en-profile.txt"), Path.Combine(dir, "002.txt"));

        var first = await _folder.RunAsync("seed", dir);
        var second = await _folder.RunAsync("seed", dir);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal([$"2 added, 0 updated, 0 unchanged from {dir}."], first.Lines);
        Assert.Equal([$"0 added, 0 updated, 2 unchanged from {dir}."], second.Lines);
        Assert.Contains("Wang Yi", File.ReadAllText(Path.Combine(_folder.Output, "feed.atom")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_folder_it_imports_the_configured_one()
    {
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(_folder.Seeds, "001.txt"));

        var result = await _folder.RunAsync("seed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"1 added, 0 updated, 0 unchanged from {_folder.Seeds}."], result.Lines);
    }

    [Fact]
    public async Task A_missing_folder_exits_1_naming_it()
    {
        var result = await _folder.RunAsync("seed", _folder.PathOf("nowhere"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"feedagg: no seed folder at {_folder.PathOf("nowhere")}", result.Error, StringComparison.Ordinal);
    }
}
