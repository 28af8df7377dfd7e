using System.Runtime.InteropServices;

namespace FeedAggregator.Worker.Cli;

/// <summary>
/// SIGTERM and SIGINT for a one-shot verb: instead of the runtime ending the process at once,
/// the verb's token is cancelled, so it can finish the write under way and report. The exit code
/// is the shell's for that signal (128 + its number).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, new Received("SIGTERM", 143))),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, new Received("SIGINT", 130))),
        ];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, if any.</summary>
    public Received? Signal { get; private set; }

    private void Stop(PosixSignalContext context, Received received)
    {
        // A second signal is the user insisting: the runtime's default, ending the process, applies.
        if (Signal is not null)
            return;
        context.Cancel = true;
        Signal = received;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _stop.Dispose();
    }

    public sealed record Received(string Name, int ExitCode);
}
