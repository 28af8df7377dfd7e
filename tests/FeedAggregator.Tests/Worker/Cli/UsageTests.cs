using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>A wrong command line is exit code 2 with a message on stderr, before anything is opened.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UsageTests
{
    [Theory]
    [InlineData("Unrecognized command or argument 'bogus'", "bogus")]
    [InlineData("Unrecognized command or argument '--jsn'", "feeds", "list", "--jsn")]
    [InlineData("Required argument missing for command: 'add'", "feeds", "add")]
    [InlineData("Required argument missing for command: 'parse'", "parse")]
    [InlineData("Required argument missing for command: 'show'", "stories", "show")]
    [InlineData("Required argument missing for command: 'import'", "opml", "import")]
    [InlineData("option '--Storage:Database' needs a value", "feeds", "list", "--Storage:Database")]
    [InlineData("poll needs --once", "poll")]
    public async Task A_wrong_command_line_exits_2_and_says_what_is_wrong(string message, params string[] args)
    {
        using var folder = new ScratchFolder();
        var result = await Support.Cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("feedagg: " + message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.False(File.Exists(folder.Database));
    }

    [Fact]
    public async Task A_parse_error_points_at_the_help()
    {
        var result = await Support.Cli.RunAsync("bogus");
        Assert.EndsWith("Try 'feedagg --help'." + Environment.NewLine, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_bad_usage_and_is_not_written()
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();

        var result = await folder.RunAsync("feeds", "add", "ftp://files.example/feed.rss");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'ftp://files.example/feed.rss' is not an absolute http(s) URL", result.Error, StringComparison.Ordinal);
        Assert.Empty(folder.ReadOpml());
    }

    [Fact]
    public async Task Help_lists_every_verb_and_exits_0()
    {
        var result = await Support.Cli.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "run", "poll", "parse", "seed", "feeds", "opml", "stories" })
            Assert.Matches($@"(?m)^\s+{verb}\b", result.Out);
    }
}
