namespace FeedAggregator.Worker.Cli.Progress;

/// <summary>How a long verb reports as it goes.</summary>
internal enum OutputMode
{
    /// <summary>stdout is a terminal: a live bar (done, total, rate, errors), errors above it, a summary.</summary>
    Live,

    /// <summary>stdout is a file or a pipe: one plain line per item as it is done, then the summary.</summary>
    Plain,

    /// <summary>--quiet: only the errors.</summary>
    Quiet,
}

internal static class OutputModes
{
    public static OutputMode Choose(bool quiet) =>
        quiet ? OutputMode.Quiet : Console.IsOutputRedirected ? OutputMode.Plain : OutputMode.Live;
}
