using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli.Progress;
using Spectre.Console;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// What a long verb (poll, seed, opml import) shows as it works: one line per item on a pipe,
/// only the errors with --quiet, a live bar with the errors above it on a terminal.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task Plain_output_is_one_line_per_item_in_order_and_counts_the_errors()
    {
        ProgressDisplay display = null!;
        var output = await CapturedAsync(async () =>
        {
            await using (display = ProgressDisplay.Start(OutputMode.Plain, "Polling", "feeds"))
            {
                display.SetTotal(4);
                display.Advance("ok     https://a.example/feed");
                display.Advance("error  https://b.example/feed: 404", error: true);
                display.Advance(); // an item without a line of its own
                display.Advance("gone   https://c.example/feed: 410", error: true);
            }
        });

        Assert.Equal(["ok     https://a.example/feed", "error  https://b.example/feed: 404", "gone   https://c.example/feed: 410"], Lines(output));
        Assert.Equal(2, display.Errors);
    }

    [Fact]
    public async Task Quiet_output_is_only_the_errors()
    {
        ProgressDisplay display = null!;
        var output = await CapturedAsync(async () =>
        {
            await using (display = ProgressDisplay.Start(OutputMode.Quiet, "Polling", "feeds"))
            {
                display.Advance("ok     https://a.example/feed");
                display.Advance("error  https://b.example/feed: 404", error: true);
            }
        });

        Assert.Equal(["error  https://b.example/feed: 404"], Lines(output));
        Assert.Equal(1, display.Errors);
    }

    [Fact]
    public void Quiet_wins_over_whatever_stdout_is()
    {
        Assert.Equal(OutputMode.Quiet, OutputModes.Choose(quiet: true));
        Assert.NotEqual(OutputMode.Quiet, OutputModes.Choose(quiet: false));
    }

    [Fact]
    public async Task A_plain_line_is_written_as_its_item_is_done_not_at_the_end()
    {
        var written = new SignallingWriter();
        var stdout = Console.Out;
        Console.SetOut(written);
        try
        {
            await using var display = ProgressDisplay.Start(OutputMode.Plain, "Seeding", "files");
            display.Advance("added 001.txt");

            // Still working: the line is out already (the wait only bounds a broken writer).
            Assert.Equal("added 001.txt", await written.FirstLine.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    [Fact]
    public async Task The_live_bar_ends_with_the_final_counts_and_shows_only_the_errors_above_it()
    {
        var width = Math.Max(20, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }).Profile.Width - 1);
        var fits = "error  https://b.example/feed: " + new string('f', width - 31);
        var tooLong = "error  https://c.example/feed: " + new string('x', 2 * width);

        var output = await LiveBar.ShowAsync("Polling", "feeds", display =>
        {
            display.SetTotal(3);
            display.Advance("ok     https://a.example/feed");
            display.Advance(fits, error: true);
            display.Advance(tooLong, error: true);
        });

        Assert.DoesNotContain("https://a.example/feed", output, StringComparison.Ordinal);
        // One row each: a line wider than the terminal is cut, with an ellipsis, to leave the bar in place.
        Assert.Contains(fits + "\n", output, StringComparison.Ordinal);
        Assert.Contains(tooLong[..(width - 1)] + "…\n", output, StringComparison.Ordinal);
        var last = output[output.LastIndexOf("Polling", StringComparison.Ordinal)..];
        Assert.Matches(@"^Polling\s.*\s100%\s+3/3 feeds · [\d.]+/s · 2\s", last);
        Assert.Matches(@"\serrors\s", last);
    }

    [Fact]
    public async Task The_live_bar_counts_without_a_total_until_one_is_known()
    {
        var unknown = await LiveBar.FinalAsync("Seeding", "files", display => display.Advance());
        var empty = await LiveBar.FinalAsync("Polling", "feeds", display => display.SetTotal(0));

        Assert.Matches(@"1/\? files · [\d.]+/s · 0\s", unknown);
        Assert.Matches(@"0/1 feeds · [\d.]+/s · 0\s", empty);
    }

    [Fact]
    public async Task A_poll_reports_the_total_once_and_each_feed_as_ok_or_error_but_never_a_held_one()
    {
        ProgressDisplay display = null!;
        var feed = new Feed { Url = "https://a.example/feed", RetryAfter = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero) };
        var output = await CapturedAsync(async () =>
        {
            await using (display = ProgressDisplay.Start(OutputMode.Plain, "Polling", "feeds"))
            {
                var reporter = new PollProgressReporter(display);
                reporter.Report(new PollProgress(4, 0, 0, null));
                reporter.Report(new PollProgress(4, 1, 0, new RefreshResult(feed with { Status = FeedStatus.Ok }, Added: 2)));
                reporter.Report(new PollProgress(4, 2, 0, new RefreshResult(feed with { Status = FeedStatus.Error, LastError = "HTTP 500" }, Held: true)));
                reporter.Report(new PollProgress(4, 3, 1, new RefreshResult(feed with { Status = FeedStatus.Error, LastError = "HTTP 404" })));
                reporter.Report(new PollProgress(4, 4, 2, new RefreshResult(feed with { Status = FeedStatus.Gone, LastError = "HTTP 410" })));
            }
        });

        Assert.Equal(
        [
            "ok     https://a.example/feed (+2 new, 0 updated)",
            "held   https://a.example/feed: its host asked to wait until 2026-11-30T12:00:00Z",
            "error  https://a.example/feed: HTTP 404",
            "gone   https://a.example/feed: HTTP 410",
        ], Lines(output));
        Assert.Equal(2, display.Errors);
    }

    private static async Task<string> CapturedAsync(Func<Task> work)
    {
        var stdout = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            await work();
        }
        finally
        {
            Console.SetOut(stdout);
        }

        return output.ToString();
    }

    private static IReadOnlyList<string> Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private sealed class SignallingWriter : StringWriter
    {
        public TaskCompletionSource<string> FirstLine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value) => FirstLine.TrySetResult(value ?? "");
    }
}
