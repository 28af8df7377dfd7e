using FeedAggregator.Worker.Cli;

namespace FeedAggregator.Tests.Support;

/// <summary>
/// The tests that swap Console.Out and Console.Error: one collection, run alone, so no other
/// test writes into a captured console or finds its own console swapped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>What one <c>feedagg</c> command line did: its exit code and what it printed.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output, line by line, without the empty last line.</summary>
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs the CLI in process, as the executable does, with its console captured.</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CliApp.RunAsync(args);
            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
