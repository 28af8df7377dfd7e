namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// The hosted services that work on the store (the scheduler and its jobs, a cluster node's loop,
/// the systemd watchdog's health checks), started in the host's "started" step, in order: that
/// step runs after <see cref="StartupTasks"/> has prepared the store, while the web server (the
/// last hosted service) has started beside the preparation. Stopped in reverse order.
/// </summary>
internal sealed class StartedWhenReady(IReadOnlyList<IHostedService> services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var service in services)
            await service.StartAsync(cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        for (var i = services.Count - 1; i >= 0; i--)
            await services[i].StopAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
