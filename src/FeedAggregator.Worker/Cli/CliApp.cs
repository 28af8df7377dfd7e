using System.CommandLine;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// The <c>feedagg</c> command line: <c>run</c> (the default), <c>poll</c>, <c>parse</c>,
/// <c>seed</c> and <c>feeds</c>. Exit codes: 0 done, 1 could not work, 2 bad usage.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (commandArgs, configArgs, overrideError) = ConfigArguments.Split(args);
        if (overrideError is not null)
        {
            await Console.Error.WriteLineAsync($"feedagg: {overrideError}");
            return ExitCodes.BadUsage;
        }

        var root = new RootCommand("FeedAggregator: polls your feeds and serves them as one merged feed.\n" +
                                   "Every verb also takes configuration overrides: --Section:Key=value, --urls URL.");
        root.Subcommands.Add(RunCommand.Create(configArgs));
        root.Subcommands.Add(PollCommand.Create(configArgs));
        root.Subcommands.Add(ParseCommand.Create(configArgs));
        root.Subcommands.Add(SeedCommand.Create(configArgs));
        root.Subcommands.Add(FeedsCommand.Create(configArgs));
        root.Subcommands.Add(OpmlCommand.Create(configArgs));
        root.Subcommands.Add(StoriesCommand.Create(configArgs));
        root.Subcommands.Add(BackupCommand.Create(configArgs));
        root.Subcommands.Add(BackupCommand.CreateRestore(configArgs));
        root.Subcommands.Add(MigrateCommand.Create(configArgs));
        // No verb means run: `feedagg --urls http://127.0.0.1:5081` starts the service.
        root.SetAction((_, cancellationToken) => RunCommand.ExecuteAsync(configArgs, cancellationToken));

        var parsed = root.Parse(commandArgs);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await Console.Error.WriteLineAsync($"feedagg: {error.Message}");
            await Console.Error.WriteLineAsync("Try 'feedagg --help'.");
            return ExitCodes.BadUsage;
        }

        // The host handles SIGTERM and SIGINT itself and waits for running jobs: System.CommandLine must
        // not kill the process first.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
