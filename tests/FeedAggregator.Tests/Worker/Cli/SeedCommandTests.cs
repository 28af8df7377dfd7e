using FeedAggregator.Seeding;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;

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

    [Fact]
    public async Task A_file_without_text_is_skipped_with_a_line_even_when_quiet()
    {
        File.Copy(TestFiles.Path("Stories", "wire-en-original.txt"), Path.Combine(_folder.Seeds, "001.txt"));
        var empty = Path.Combine(_folder.Seeds, "002.txt");
        File.WriteAllText(empty, "");

        var plain = await _folder.RunAsync("seed");
        var quiet = await _folder.RunAsync("seed", "--quiet");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal([$"skipped {empty}: holds no text; skipped", $"1 added, 0 updated, 0 unchanged from {_folder.Seeds}."], plain.Lines);
        Assert.Equal([$"skipped {empty}: holds no text; skipped"], quiet.Lines);
    }

    [Fact]
    public async Task The_live_bar_counts_the_files_of_the_folder_and_the_skipped_ones_as_errors()
    {
        var final = await LiveBar.FinalAsync("Seeding", "files", display =>
        {
            var reporter = new SeedCommand.Reporter(display);
            reporter.Report(new SeedProgress(3, 0, null, null));
            reporter.Report(new SeedProgress(3, 1, "/seeds/001.txt", null));
            reporter.Report(new SeedProgress(3, 2, "/seeds/002.txt", "holds no text; skipped"));
        });

        Assert.Matches(@"^Seeding\s.*\s66%\s+2/3 files · [\d.]+/s · 1\s", final);
    }
}
