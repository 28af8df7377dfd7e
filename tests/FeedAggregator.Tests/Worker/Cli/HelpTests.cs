using System.Text.RegularExpressions;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// <c>feedagg VERB --help</c>: what each verb does, and every argument and option it takes, each
/// with a line saying what it is for. The help is the CLI's only documentation on the machine.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class HelpTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("poll", "--once", "--force", "--quiet")]
    [InlineData("parse", "<PATH-OR-URL>", "--json")]
    [InlineData("seed", "<DIR>", "--quiet")]
    [InlineData("feeds")]
    [InlineData("feeds list", "--json")]
    [InlineData("feeds add", "<URL>", "--title", "--category")]
    [InlineData("feeds remove", "<URL>")]
    [InlineData("feeds reactivate", "<URL>")]
    [InlineData("feeds purge", "<URL>")]
    [InlineData("feeds sync", "--force")]
    [InlineData("opml import", "<FILE>", "--quiet")]
    [InlineData("opml export", "<FILE>")]
    [InlineData("stories")]
    [InlineData("stories show", "<ID>", "--json")]
    [InlineData("backup", "<PATH>")]
    [InlineData("restore", "<PATH>")]
    [InlineData("migrate", "--to", "--connection")]
    public async Task Each_verb_describes_itself_and_every_argument_and_option_it_takes(string verb, params string[] entries)
    {
        var result = await Support.Cli.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^Description:\r?\n  \S", result.Out);
        var described = Entries(result.Out);
        foreach (var entry in entries)
            Assert.True(described.ContainsKey(entry), $"{verb}: no {entry} in\n{result.Out}");
        // Every entry, the ones named above and any other, says what it is for.
        Assert.All(described, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{verb}: {e.Key} has no description"));
    }

    [Fact]
    public async Task The_verbs_help_says_that_every_verb_takes_configuration_overrides()
    {
        var result = await Support.Cli.RunAsync("--help");

        Assert.Contains("Every verb also takes configuration overrides: --Section:Key=value", result.Out, StringComparison.Ordinal);
        foreach (var verb in new[] { "backup", "restore", "migrate" })
            Assert.Matches($@"(?m)^\s+{verb}\b.*\s{{2}}\S", result.Out);
    }

    [Fact]
    public async Task Migrate_marks_the_target_provider_as_required()
    {
        var result = await Support.Cli.RunAsync("migrate", "--help");

        Assert.Matches(@"(?m)^\s+--to <postgres> \(REQUIRED\)\s+\S", result.Out);
    }

    /// <summary>The entries of the Arguments and Options sections: each name (its long form) and its description.</summary>
    private static Dictionary<string, string> Entries(string help)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in help.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Length > 0 && !line.StartsWith(' '))
            {
                section = line;
                continue;
            }

            if (section is not ("Arguments:" or "Options:") || line.Length == 0)
                continue;
            var match = Regex.Match(line, @"^  (?:-\S+, )*(?<name>\S+)(?: <[^>]+>)?(?: \(REQUIRED\))?(?:\s{2,}(?<text>.*))?$");
            Assert.True(match.Success, $"unexpected help line: {line}");
            entries[match.Groups["name"].Value] = match.Groups["text"].Value;
        }

        return entries;
    }
}
