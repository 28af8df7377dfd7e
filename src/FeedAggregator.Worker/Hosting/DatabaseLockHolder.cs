using FeedAggregator.Storage;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Hosting;

/// <summary>The service's shared hold on the database (see <see cref="DatabaseLock"/>), taken first at start, kept until exit.</summary>
internal sealed class DatabaseLockHolder(IOptions<StorageOptions> storage) : IHostedService, IDisposable
{
    private DatabaseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DatabaseLock.HoldShared(storage.Value.Database);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
