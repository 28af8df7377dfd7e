using FeedAggregator.Publishing;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// What must be true before anything is served or polled: the schema is current, the
/// subscriptions match the OPML file, the seeds are imported and the merged feed is rendered.
/// The CLI verbs call it directly. As a hosted service it prepares the store on the thread pool
/// while the host starts the web server on the other core; the host's "started" step waits for
/// it, then starts what works on the store (<see cref="StartedWhenReady"/>) and reports the
/// service started, which lets the requests that came meanwhile through (<c>StartupGate</c>).
/// </summary>
internal sealed class StartupTasks(
    IStoreMigrator migrator,
    SubscriptionSync subscriptions,
    SeedImporter seeds,
    FeedPublisher publisher,
    IOptions<SeedsOptions> seedOptions,
    IOptions<StorageOptions> storageOptions,
    StoreHealth storeHealth,
    ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    private Task _preparation = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Starts the preparation off the host's thread and returns, so the hosted services after this one start meanwhile.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparation = Task.Run(() => PrepareAndRenderAsync(cancellationToken), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The host is started only when the store is: a failed preparation fails the start, as before.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => _preparation;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAndRenderAsync(CancellationToken cancellationToken)
    {
        // Without a current schema nothing can be read: that failure stops the start.
        await migrator.MigrateAsync(cancellationToken);
        try
        {
            await SyncAndSeedAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8 or 10 or 13)
        {
            // Read-only, I/O error, disk full: what is stored can still be served. /health says
            // why, and the poll job writes nothing until the store takes writes again.
            var problem = StorageError.Describe(ex, storageOptions.Value.Database);
            storeHealth.WriteFailed(problem);
            logger.LogError("Storage: {StoreProblem}; serving what is stored", problem);
        }

        await publisher.PublishAsync(cancellationToken, force: true);
    }

    /// <summary>Migrates, syncs the subscriptions and imports the seeds.</summary>
    public async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await SyncAndSeedAsync(cancellationToken);
    }

    private async Task SyncAndSeedAsync(CancellationToken cancellationToken)
    {
        await subscriptions.SyncAsync(cancellationToken);
        await seeds.ImportAsync(seedOptions.Value.Directory, cancellationToken);
    }
}
