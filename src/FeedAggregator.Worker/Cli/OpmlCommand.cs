using System.CommandLine;
using FeedAggregator.Subscriptions;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg opml import FILE | export [FILE]</c>: bring a reader's list in, or take ours out.</summary>
internal static class OpmlCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var file = new Argument<string>("FILE") { Description = "An OPML file exported by a feed reader." };
        var import = new Command("import", "Subscribe to every feed of an OPML file not subscribed yet.") { file };
        import.SetAction((result, cancellationToken) => FeedsCommand.RunAsync(configArgs, cancellationToken, async (services, token) =>
        {
            var path = Path.GetFullPath(result.GetValue(file)!);
            var added = await services.GetRequiredService<SubscriptionList>().ImportAsync(path, token);
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
}
