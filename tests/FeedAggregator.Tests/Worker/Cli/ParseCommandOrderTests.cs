using System.Text.Json;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary><c>feedagg parse</c> with many inputs: parsed in parallel, printed in input order.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ParseCommandOrderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("feedagg-parse-").FullName;

    [Fact]
    public async Task Many_inputs_come_out_one_line_each_in_input_order()
    {
        var inputs = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var path = Path.Combine(_directory, $"feed-{i}.xml");
            // Sizes differ so that the inputs finish out of order; every fifth one is not a feed at all.
            var items = string.Concat(Enumerable.Range(0, (40 - i) * 5).Select(n => $"<item><title>t{n}</title><guid>g{n}</guid><description>&lt;p&gt;x {n}&lt;/p&gt;</description></item>"));
            File.WriteAllText(path, i % 5 == 4 ? "not a feed" : $"<rss version=\"2.0\"><channel><title>Feed {i}</title>{items}</channel></rss>");
            inputs.Add(path);
        }

        inputs.Add(Path.Combine(_directory, "missing.xml"));
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await CliApp.RunAsync(["parse", "--json", .. inputs]);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(ExitCodes.Done, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()));
        for (var i = 0; i < 40; i++)
        {
            var root = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(i % 5 != 4, root.GetProperty("ok").GetBoolean());
            if (i % 5 != 4)
                Assert.Equal($"Feed {i}", root.GetProperty("title").GetString());
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
