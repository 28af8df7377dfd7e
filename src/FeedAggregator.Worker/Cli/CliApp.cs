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
        var run = RunCommand.Create();
        var root = new RootCommand("FeedAggregator: polls your feeds and serves them as one merged feed.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(run);
        root.Subcommands.Add(PollCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(FeedsCommand.Create());
        // No verb means run: `feedagg --urls http://127.0.0.1:5081` starts the service.
        root.SetAction((result, cancellationToken) => RunCommand.ExecuteAsync(result, cancellationToken));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await Console.Error.WriteLineAsync($"feedagg: {error.Message}");
            await Console.Error.WriteLineAsync("Try 'feedagg --help'.");
            return ExitCodes.BadUsage;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>The configuration overrides left over on the command line, or a usage error (exit 2) printed.</summary>
    public static bool TryGetConfigArgs(ParseResult result, out List<string> configArgs)
    {
        if (ConfigArguments.TryCollect(result.UnmatchedTokens, out configArgs, out var error))
            return true;
        Console.Error.WriteLine($"feedagg: {error}");
        Console.Error.WriteLine("Try 'feedagg --help'.");
        return false;
    }
}
