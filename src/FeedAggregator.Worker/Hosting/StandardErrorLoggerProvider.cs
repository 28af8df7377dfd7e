using System.Globalization;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// The CLI verbs' logger: warnings and errors written to stderr at once, on the caller's thread.
/// The console logger would start a queue thread in every short-lived process, to write nothing
/// in most runs; a verb logs little and waits for its own output anyway.
/// </summary>
internal sealed class StandardErrorLoggerProvider : ILoggerProvider
{
    private static readonly Lock Gate = new();
    private static volatile Action<string>? _sink;

    /// <summary>
    /// While a live progress bar owns the terminal, log lines go to it (to be printed above the
    /// bar) rather than straight to stderr, which would draw over it. Null restores stderr.
    /// </summary>
    public static void Redirect(Action<string>? sink) => _sink = sink;

    public ILogger CreateLogger(string categoryName) => new StandardErrorLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class StandardErrorLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Critical => "crit",
                LogLevel.Error => "fail",
                LogLevel.Warning => "warn",
                LogLevel.Information => "info",
                _ => "dbug",
            };
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.Now:HH:mm:ss} {level}: {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            if (_sink is { } sink)
            {
                sink(line);
                return;
            }

            lock (Gate)
                Console.Error.WriteLine(line);
        }
    }
}
