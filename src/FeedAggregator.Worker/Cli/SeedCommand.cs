using System.CommandLine;
using FeedAggregator.Publishing;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using FeedAggregator.Worker.Cli.Progress;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg seed [DIR]</c>: import seed documents (idempotent).</summary>
internal static class SeedCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "The folder of seed documents (default: Seeds:Directory).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var quiet = QuietOption.Create();
        var command = new Command("seed", "Import seed documents as articles; importing twice adds nothing.") { directory, quiet };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = result.GetValue(directory);
            var mode = OutputModes.Choose(result.GetValue(quiet));
            return await CliHost.RunAsync(configArgs, async (services, token) =>
            {
                await services.GetRequiredService<IStoreMigrator>().MigrateAsync(token);
                var path = folder is null
                    ? services.GetRequiredService<IOptions<SeedsOptions>>().Value.Directory
                    : Path.GetFullPath(folder);
                if (!Directory.Exists(path))
                {
                    await Console.Error.WriteLineAsync($"feedagg: no seed folder at {path}");
                    return ExitCodes.CouldNotWork;
                }

                StoreSummary summary;
                await using (var display = ProgressDisplay.Start(mode, "Seeding", "files"))
                {
                    summary = await services.GetRequiredService<SeedImporter>().ImportAsync(path, token, new Reporter(display));
                    await services.GetRequiredService<FeedPublisher>().PublishAsync(token, force: true);
                }

                if (mode != OutputMode.Quiet)
                    Console.WriteLine($"{summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged from {path}.");
                return ExitCodes.Done;
            }, cancellationToken);
        });
        return command;
    }

    internal sealed class Reporter(ProgressDisplay display) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            if (value.File is null)
                display.SetTotal(value.Total);
            else if (value.Problem is { } problem)
                display.Advance($"skipped {value.File}: {problem}", error: true);
            else
                display.Advance();
        }
    }
}
