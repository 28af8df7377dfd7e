using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>opml import FILE</c> and <c>opml export [FILE]</c>.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OpmlCommandTests : IDisposable
{
    private static readonly Subscription Kept = new("https://kept.example/feed.xml", "Kept", "Tech");
    private readonly ScratchFolder _folder = new();

    public OpmlCommandTests() => _folder.WriteOpml(Kept);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Import_adds_only_the_feeds_not_subscribed_yet_and_says_how_many()
    {
        var other = _folder.PathOf("reader-export.opml");
        OpmlFile.Write(other, [Kept with { Title = "Kept elsewhere" }, new Subscription("https://new.example/atom", "New", "World")]);

        var first = await _folder.RunAsync("opml", "import", other);
        var second = await _folder.RunAsync("opml", "import", other);
        var list = await _folder.RunAsync("feeds", "list");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal([$"1 feeds added from {other}"], first.Lines);
        Assert.Equal([$"0 feeds added from {other}"], second.Lines);
        Assert.Equal([Kept, new Subscription("https://new.example/atom", "New", "World")], _folder.ReadOpml());
        Assert.Equal(2, list.Lines.Count);
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_opml_exits_1_and_changes_nothing()
    {
        var other = _folder.PathOf("not.opml");
        File.WriteAllText(other, "<html><body>a web page</body></html>");

        var result = await _folder.RunAsync("opml", "import", other);
        var missing = await _folder.RunAsync("opml", "import", _folder.PathOf("missing.opml"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("feedagg: ", result.Error, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("missing.opml", missing.Error, StringComparison.Ordinal);
        Assert.Equal([Kept], _folder.ReadOpml());
    }

    [Fact]
    public async Task Export_prints_opml_2_with_every_feed_in_its_folder()
    {
        await _folder.RunAsync("feeds", "add", "https://loose.example/rss", "--title", "Loose");

        var result = await _folder.RunAsync("opml", "export");
        var opml = XDocument.Parse(result.Out);
        var tech = opml.Root!.Element("body")!.Elements("outline").Single(o => (string?)o.Attribute("text") == "Tech");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", result.Out, StringComparison.Ordinal);
        Assert.Equal("2.0", (string?)opml.Root.Attribute("version"));
        Assert.Equal("https://kept.example/feed.xml", (string?)tech.Element("outline")!.Attribute("xmlUrl"));
        Assert.Contains(opml.Descendants("outline"), o => (string?)o.Attribute("xmlUrl") == "https://loose.example/rss");
    }

    [Fact]
    public async Task Export_to_a_file_writes_what_import_reads_and_reports_on_stderr()
    {
        var target = _folder.PathOf("out.opml");

        var result = await _folder.RunAsync("opml", "export", target);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Out);
        Assert.Contains($"1 feeds written to {target}", result.Error, StringComparison.Ordinal);
        Assert.Equal([Kept], OpmlFile.Read(target));
    }

    [Theory]
    [InlineData(false, "3/5 feeds")]
    [InlineData(true, "5/5 feeds")]
    public async Task The_live_bar_counts_the_known_feeds_at_once_and_the_new_ones_once_subscribed(bool subscribed, string counts)
    {
        var final = await LiveBar.FinalAsync("Importing", "feeds", display =>
        {
            var reporter = new OpmlCommand.ImportReporter(display);
            reporter.Report(new ImportProgress(5, 2, Subscribed: false));
            if (subscribed)
                reporter.Report(new ImportProgress(5, 2, Subscribed: true));
        });

        Assert.Matches($@"^Importing\s.*\s{counts} · [\d.]+/s · 0\s", final);
    }
}
