using FeedAggregator.Storage.Postgres;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Storage;

/// <summary>
/// The store of one provider behind the same contracts: <see cref="IStoreMigrator"/>,
/// <see cref="IFeedStore"/>, <see cref="IArticleStore"/>, <see cref="IPollLeases"/> and <see cref="IWebSubStore"/>. A new
/// store method is one method in each provider's class; nothing else changes.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <param name="provider">Storage:Provider (an unknown value stops the start when the options are validated).</param>
    public static IServiceCollection AddFeedStore(this IServiceCollection services, string? provider)
    {
        if (StorageProviders.IsPostgres(provider))
        {
            services.AddSingleton(sp => new PostgresConnections(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
            services.AddSingleton<IStoreMigrator, PostgresMigrator>();
            services.AddSingleton<IFeedStore, PostgresFeedStore>();
            services.AddSingleton<IArticleStore, PostgresArticleStore>();
            services.AddSingleton<IPollLeases, PostgresPollLeases>();
            services.AddSingleton<IWebSubStore, PostgresWebSubStore>();
            // A failed write surfaces as the exception of the call that made it; nothing records it here.
            services.AddSingleton<StoreHealth>();
            return services;
        }

        services.AddSingleton(sp => new SqliteConnectionFactory(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Database, sp.GetService<ILogger<SqliteConnectionFactory>>()));
        services.AddSingleton(sp => sp.GetRequiredService<SqliteConnectionFactory>().Health);
        services.AddSingleton<IStoreMigrator, SqliteMigrator>();
        services.AddSingleton<IFeedStore, SqliteFeedStore>();
        services.AddSingleton<IArticleStore, SqliteArticleStore>();
        services.AddSingleton<IPollLeases, SqlitePollLeases>();
        services.AddSingleton<IWebSubStore, SqliteWebSubStore>();
        return services;
    }
}
