using System.CommandLine;
using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Worker.Cli.Progress;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg poll --once [--force]</c>: refresh the due feeds, publish the files, exit.</summary>
internal static class PollCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var once = new Option<bool>("--once") { Description = "Poll once and exit (the service polls on its schedule)." };
        var force = new Option<bool>("--force") { Description = "Poll every active feed now, not only those due (never a gone feed or one under Retry-After)." };
        var quiet = QuietOption.Create();
        var command = new Command("poll", "Refresh the feeds that are due (all of them on a first run), publish the files, exit.")
        {
            once, force, quiet,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(once))
            {
                await Console.Error.WriteLineAsync("feedagg: poll needs --once (the service polls on its own schedule: feedagg run).");
                return ExitCodes.BadUsage;
            }

            var forced = result.GetValue(force);
            var mode = OutputModes.Choose(result.GetValue(quiet));
            return await CliHost.RunAsync(configArgs, (services, token) => PollAsync(services, forced, mode, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> PollAsync(IServiceProvider services, bool force, OutputMode mode, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StartupTasks>().PrepareStoreAsync(cancellationToken);
        PollCycleSummary summary;
        // Each feed's line as it is stored (plain), or a live bar with the errors above it (terminal).
        await using (var display = ProgressDisplay.Start(mode, "Polling", "feeds"))
        {
            summary = await services.GetRequiredService<PollCycle>().RunAsync(force, cancellationToken, progress: new PollProgressReporter(display));
            await services.GetRequiredService<FeedPublisher>().PublishAsync(cancellationToken, force: true);
        }

        if (mode != OutputMode.Quiet)
            Console.WriteLine($"{summary.Polled} feeds polled, {summary.Failed} failed, {summary.Added} new articles, {summary.Updated} updated.");
        return ExitCodes.Done;
    }
}
