using System.Runtime;
using System.Runtime.InteropServices;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// Gives back what the start-up burst (migrations, seeds, first rendering) left behind, so that the
/// idle service holds only what it uses: a compacting collection that decommits the freed regions,
/// then glibc's malloc_trim for SQLite's and the runtime's native allocations. It runs a few
/// seconds after the host has started, off the path to the first response.
/// </summary>
internal sealed class IdleMemoryTrim(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    // Long enough for the first requests and the first poll run to be served before the pause.
    internal static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            await Task.Delay(Settle, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var before = Environment.WorkingSet;
        Trim();
        logger.LogDebug("Memory: trimmed after start-up, {WorkingSetBefore} to {WorkingSetAfter} bytes", before, Environment.WorkingSet);
    }

    private static void Trim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl): nothing to trim this way.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
