namespace FeedAggregator.Worker.Cli;

/// <summary>The process exit codes every verb uses.</summary>
internal static class ExitCodes
{
    /// <summary>The work was done (a failing feed is reported, not fatal).</summary>
    public const int Done = 0;

    /// <summary>The run itself could not work (no database, unreadable config, every input failed).</summary>
    public const int CouldNotWork = 1;

    /// <summary>The command line was wrong.</summary>
    public const int BadUsage = 2;
}
