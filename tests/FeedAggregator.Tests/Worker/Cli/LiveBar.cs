using System.Text.RegularExpressions;
using FeedAggregator.Worker.Cli.Progress;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// A live progress display run with stdout captured, read back as a terminal would show it
/// (escape sequences removed). Callers are in the console collection: they swap Console.Out.
/// </summary>
internal static partial class LiveBar
{
    /// <summary>Everything the display drew while <paramref name="work"/> reported on it.</summary>
    public static async Task<string> ShowAsync(string description, string unit, Action<ProgressDisplay> work)
    {
        var stdout = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            await using var display = ProgressDisplay.Start(OutputMode.Live, description, unit);
            work(display);
        }
        finally
        {
            Console.SetOut(stdout);
        }

        return Escapes().Replace(output.ToString(), "").Replace("\r", "", StringComparison.Ordinal);
    }

    /// <summary>The bar as it was left at the end: from its last drawing on.</summary>
    public static async Task<string> FinalAsync(string description, string unit, Action<ProgressDisplay> work)
    {
        var shown = await ShowAsync(description, unit, work);
        return shown[shown.LastIndexOf(description, StringComparison.Ordinal)..];
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escapes();
}
