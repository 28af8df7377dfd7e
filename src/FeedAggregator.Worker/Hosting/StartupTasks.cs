using FeedAggregator.Publishing;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
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
    IOptions<SeedsOptions> seedOptions) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareStoreAsync(cancellationToken);
        await publisher.PublishAsync(cancellationToken, force: true);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates, syncs the subscriptions and imports the seeds.</summary>
    public async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await subscriptions.SyncAsync(cancellationToken);
        await seeds.ImportAsync(seedOptions.Value.Directory, cancellationToken);
    }
}
