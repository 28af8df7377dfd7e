using System.Collections.Concurrent;
using FeedAggregator.Worker.Hosting;
using Spectre.Console;

namespace FeedAggregator.Worker.Cli.Progress;

/// <summary>
/// What a long verb shows while it works (Spectre.Console draws the live bar). The work only
/// counts and queues lines (<see cref="Advance"/> is a few interlocked operations), and a task of
/// the display's own writes them out, so a slow terminal or pipe never holds the work up.
/// </summary>
internal sealed class ProgressDisplay : IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    private readonly OutputMode _mode;
    private readonly ConcurrentQueue<(string Line, bool Error)> _lines = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly CancellationTokenSource _done = new();
    private readonly Task _writer;
    private int _total = -1;
    private int _advanced;
    private int _errors;

    private ProgressDisplay(OutputMode mode, string description, string unit)
    {
        _mode = mode;
        _writer = mode == OutputMode.Live ? Task.Run(() => RunLiveAsync(description, unit)) : Task.Run(RunPlainAsync);
    }

    public static ProgressDisplay Start(OutputMode mode, string description, string unit) => new(mode, description, unit);

    public int Errors => Volatile.Read(ref _errors);

    public void SetTotal(int total) => Volatile.Write(ref _total, total);

    /// <summary>One item done (or <paramref name="count"/>). Its line is shown in plain form, and on the terminal and with --quiet when it is an error.</summary>
    public void Advance(string? line = null, bool error = false, int count = 1)
    {
        if (error)
            Interlocked.Increment(ref _errors);
        Interlocked.Add(ref _advanced, count);
        if (line is not null && (error || _mode == OutputMode.Plain))
            _lines.Enqueue((line, error));
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await _writer;
        _done.Dispose();
    }

    private async Task RunPlainAsync()
    {
        while (!_done.IsCancellationRequested)
        {
            Drain(Console.Out);
            await Delay();
        }

        Drain(Console.Out);
    }

    private void Drain(TextWriter output)
    {
        while (_lines.TryDequeue(out var entry))
            output.WriteLine(entry.Line);
        output.Flush();
    }

    private async Task RunLiveAsync(string description, string unit)
    {
        // Decided here, from stdout being a terminal: Spectre's own guesses (CI variables, TERM) would turn the bar off in a tmux pane.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(Console.Out),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        // stderr on the same terminal would draw over the bar: its lines are printed above it instead.
        var logsAbove = !Console.IsErrorRedirected;
        if (logsAbove)
            StandardErrorLoggerProvider.Redirect(_logs.Enqueue);
        try
        {
            await RunLiveAsync(console, description, unit);
        }
        finally
        {
            if (logsAbove)
                StandardErrorLoggerProvider.Redirect(null);
            while (_logs.TryDequeue(out var log))
                await Console.Error.WriteLineAsync(log);
        }
    }

    private async Task RunLiveAsync(IAnsiConsole console, string description, string unit)
    {
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountsColumn(unit), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: 1);
                task.IsIndeterminate = true;
                while (true)
                {
                    var finished = _done.IsCancellationRequested;
                    Update(task);
                    while (_logs.TryDequeue(out var log))
                        console.MarkupLine($"[grey]{Markup.Escape(Fit(log, console))}[/]");
                    while (_lines.TryDequeue(out var entry))
                        console.MarkupLine(entry.Error ? $"[red]{Markup.Escape(Fit(entry.Line, console))}[/]" : Markup.Escape(Fit(entry.Line, console)));
                    context.Refresh();
                    if (finished)
                        break;
                    await Delay();
                }

                task.StopTask();
            });
    }

    // One row each: a line that wraps above a live bar throws its redrawing off (and `feeds list` has the whole message).
    private static string Fit(string line, IAnsiConsole console)
    {
        var width = Math.Max(20, console.Profile.Width - 1);
        return line.Length <= width ? line : string.Concat(line.AsSpan(0, width - 1), "…");
    }

    private void Update(ProgressTask task)
    {
        var total = Volatile.Read(ref _total);
        if (total >= 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(total, 1);
        }

        // Increments, not assignments: Spectre takes the rate from them.
        var advanced = Volatile.Read(ref _advanced);
        if (advanced > task.Value)
            task.Increment(advanced - task.Value);
        task.State.Update<int>(CountsColumn.ErrorsKey, _ => Errors);
    }

    private async Task Delay()
    {
        try
        {
            await Task.Delay(Refresh, _done.Token);
        }
        catch (OperationCanceledException)
        {
            // Done: one last round shows the final numbers.
        }
    }
}
