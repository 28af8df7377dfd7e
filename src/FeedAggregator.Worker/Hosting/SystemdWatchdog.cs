using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// The systemd watchdog (<c>WatchdogSec=</c> in the unit): sends <c>WATCHDOG=1</c> at half the
/// interval systemd gives in <c>WATCHDOG_USEC</c>, but only while <see cref="ServiceHealth"/>
/// passes. A service whose store stops answering or whose scheduler hangs stops pinging, and
/// systemd restarts it. Off when systemd asked for no watchdog.
/// </summary>
internal sealed class SystemdWatchdog(
    ISystemdNotifier notifier, ServiceHealth health, WatchdogInterval interval, TimeProvider time, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");
    private bool _wasHealthy = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || interval.Value is not { } every)
            return;
        logger.LogInformation("Watchdog: pinging systemd every {WatchdogPing} while healthy", every / 2);
        using var timer = new PeriodicTimer(every / 2, time);
        try
        {
            do
            {
                await BeatAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: systemd stops watching once it is told STOPPING=1.
        }
    }

    /// <summary>One check: pings systemd when healthy; says so in the log when that changes. True when it pinged.</summary>
    internal async Task<bool> BeatAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        if (report.Healthy)
        {
            notifier.Notify(Ping);
            if (!_wasHealthy)
                logger.LogWarning("Watchdog: healthy again; pinging systemd");
        }
        else if (_wasHealthy)
        {
            logger.LogError("Watchdog: unhealthy (store: {Store}; scheduler: {Scheduler}); not pinging systemd, which restarts the service", report.Store, report.Scheduler);
        }

        _wasHealthy = report.Healthy;
        return report.Healthy;
    }
}

/// <summary>The watchdog interval systemd asked for, if any: <c>WATCHDOG_USEC</c>, for this process (<c>WATCHDOG_PID</c>).</summary>
internal sealed record WatchdogInterval(TimeSpan? Value)
{
    public static WatchdogInterval FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);

    public static WatchdogInterval From(string? usec, string? pid, int processId)
    {
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
            return new WatchdogInterval((TimeSpan?)null);
        // sd_watchdog_enabled(3): a WATCHDOG_PID of another process means the watchdog is not ours.
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
            return new WatchdogInterval((TimeSpan?)null);
        return new WatchdogInterval(TimeSpan.FromMicroseconds(microseconds));
    }
}
