using System.CommandLine;
using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
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
        // SIGTERM or Ctrl-C: stop fetching, let the write under way finish, report what was done.
        using var stop = new StopSignals(cancellationToken);
        try
        {
            await services.GetRequiredService<StartupTasks>().PrepareStoreAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.Signal is { } early)
        {
            await Console.Error.WriteLineAsync($"feedagg: stopped by {early.Name} before polling.");
            return early.ExitCode;
        }

        var storeHealth = services.GetRequiredService<StoreHealth>();
        var failuresBefore = storeHealth.Failures;
        PollCycleSummary summary;
        // Each feed's line as it is stored (plain), or a live bar with the errors above it (terminal).
        await using (var display = ProgressDisplay.Start(mode, "Polling", "feeds"))
        {
            summary = await services.GetRequiredService<PollCycle>().RunAsync(force, stop.Token, progress: new PollProgressReporter(display));
            if (!summary.Interrupted)
                await services.GetRequiredService<FeedPublisher>().PublishAsync(cancellationToken, force: true);
        }

        if (mode != OutputMode.Quiet)
            Console.WriteLine($"{summary.Polled} feeds polled, {summary.Failed} failed, {summary.Added} new articles, {summary.Updated} updated.");
        if (storeHealth.Failures > failuresBefore)
        {
            // The failures could not be recorded on the feeds' rows: this run did not work.
            await Console.Error.WriteLineAsync($"feedagg: {storeHealth.Problem ?? "the store refused writes during the run"}");
            return ExitCodes.CouldNotWork;
        }

        if (stop.Signal is { } signal)
        {
            await Console.Error.WriteLineAsync(
                $"feedagg: stopped by {signal.Name}: {summary.Due - summary.Polled} of {summary.Due} feeds not polled; they stay due.");
            return signal.ExitCode;
        }

        return ExitCodes.Done;
    }
}
