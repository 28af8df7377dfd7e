namespace FeedAggregator.Tests.Support;

/// <summary>
/// How the store contract tests get a store: one set of tests, run once per provider. SQLite
/// always runs; PostgreSQL runs when a server is configured (FEEDAGG_TEST_POSTGRES), is skipped
/// with a message saying so when none is, and fails under CI=true, where one always is.
/// </summary>
public abstract class StoreFixture
{
    public static readonly StoreFixture Sqlite = new SqliteFixture();
    public static readonly StoreFixture Postgres = new PostgresFixture();

    /// <param name="time">The clock of the stores (the one the code under test runs on).</param>
    public abstract Task<ITestStore> CreateAsync(TimeProvider? time = null);

    private sealed class SqliteFixture : StoreFixture
    {
        public override async Task<ITestStore> CreateAsync(TimeProvider? time = null) => await TempDatabase.CreateAsync(time: time);
    }

    private sealed class PostgresFixture : StoreFixture
    {
        public override async Task<ITestStore> CreateAsync(TimeProvider? time = null) => await TempPostgresDatabase.CreateAsync(time);
    }
}
