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
/// As a hosted service it runs before the web server listens; the CLI verbs call it directly.
/// </summary>
internal sealed class StartupTasks(
    IStoreMigrator migrator,
    SubscriptionSync subscriptions,
    SeedImporter seeds,
    FeedPublisher publisher,
    IOptions<SeedsOptions> seedOptions,
    IOptions<StorageOptions> storageOptions,
    StoreHealth storeHealth,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
