namespace FeedAggregator.Storage;

/// <summary>
/// Brings the store to the newest schema this build knows, safely when several processes start at
/// once, and refuses (changing nothing) a store whose schema is newer.
/// </summary>
public interface IStoreMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
