using FeedAggregator.Worker.Cli.Progress;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>The live bar's numbers: done of total, the rate, the errors (in red once there is one).</summary>
public sealed class CountsColumnTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Shows_done_of_total_the_rate_and_one_error_in_red()
    {
        var task = new ProgressTask(1, "Polling", 1234, autoStart: true, _time);
        task.Increment(100);
        _time.Advance(TimeSpan.FromSeconds(2));
        task.Increment(100);
        task.State.Update<int>(CountsColumn.ErrorsKey, _ => 1);

        var (text, red) = Render(task, "feeds");

        Assert.Equal("200/1,234 feeds · 100.0/s · 1 error", text);
        Assert.True(red);
    }

    [Fact]
    public void An_unknown_total_is_a_question_mark_and_no_errors_is_plain()
    {
        var task = new ProgressTask(1, "Seeding", 1, autoStart: true, _time) { IsIndeterminate = true };

        var (text, red) = Render(task, "files");

        Assert.Equal("0/? files · 0.0/s · 0 errors", text);
        Assert.False(red);
    }

    [Fact]
    public void More_errors_than_one_are_plural()
    {
        var task = new ProgressTask(1, "Polling", 3, autoStart: true, _time);
        task.State.Update<int>(CountsColumn.ErrorsKey, _ => 2);

        Assert.Equal(("0/3 feeds · 0.0/s · 2 errors", true), Render(task, "feeds"));
    }

    /// <summary>The column as a 16-colour terminal shows it: its text, and whether it is red.</summary>
    private static (string Text, bool Red) Render(ProgressTask task, string unit)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = 200;
        console.Write(new CountsColumn(unit).Render(RenderOptions.Create(console, console.Profile.Capabilities), task, TimeSpan.Zero));
        var written = output.ToString();
        var red = written.Contains("\u001b[91m", StringComparison.Ordinal) || written.Contains("\u001b[31m", StringComparison.Ordinal);
        return (System.Text.RegularExpressions.Regex.Replace(written, @"\x1b\[[0-9;]*m", "").TrimEnd(), red);
    }
}
