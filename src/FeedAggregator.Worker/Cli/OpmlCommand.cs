using System.CommandLine;
using FeedAggregator.Subscriptions;
using FeedAggregator.Worker.Cli.Progress;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg opml import FILE | export [FILE]</c>: bring a reader's list in, or take ours out.</summary>
internal static class OpmlCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var file = new Argument<string>("FILE") { Description = "An OPML file exported by a feed reader." };
        var quiet = QuietOption.Create();
        var import = new Command("import", "Subscribe to every feed of an OPML file not subscribed yet.") { file, quiet };
        import.SetAction((result, cancellationToken) => FeedsCommand.RunAsync(configArgs, cancellationToken, async (services, token) =>
        {
            var path = Path.GetFullPath(result.GetValue(file)!);
            var mode = OutputModes.Choose(result.GetValue(quiet));
            int added;
            await using (var display = ProgressDisplay.Start(mode, "Importing", "feeds"))
                added = await services.GetRequiredService<SubscriptionList>().ImportAsync(path, token, new ImportReporter(display));
            if (mode != OutputMode.Quiet)
                Console.WriteLine($"{added} feeds added from {path}");
            return ExitCodes.Done;
        }));

        var target = new Argument<string?>("FILE") { Description = "Where to write (default: standard output).", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Write the subscriptions as OPML 2.0.") { target };
        export.SetAction((result, cancellationToken) => FeedsCommand.RunAsync(configArgs, cancellationToken, (services, _) =>
        {
            var subscriptions = services.GetRequiredService<SubscriptionList>().Read();
            var path = result.GetValue(target);
            if (path is null)
            {
                var document = OpmlFile.ToDocument(subscriptions);
                Console.WriteLine($"{document.Declaration}{Environment.NewLine}{document}");
            }
            else
            {
                OpmlFile.Write(Path.GetFullPath(path), subscriptions);
                Console.Error.WriteLine($"{subscriptions.Count} feeds written to {path}");
            }

            return Task.FromResult(ExitCodes.Done);
        }));

        return new Command("opml", "Import or export the subscriptions as OPML.") { import, export };
    }

    /// <summary>The feeds of the file as the total; the new ones count as done once subscribed, the known ones at once.</summary>
    internal sealed class ImportReporter(ProgressDisplay display) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            display.SetTotal(value.Total);
            display.Advance(count: value.Subscribed ? value.New : value.Total - value.New);
        }
    }
}
