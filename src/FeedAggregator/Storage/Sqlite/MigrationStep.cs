using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// One schema step: its SQL, then, when the SQL alone cannot do it, code run in the same
/// transaction (such as indexing old rows with text that only the application can compute).
/// </summary>
internal sealed record MigrationStep(string Sql, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>? Then = null)
{
    public static implicit operator MigrationStep(string sql) => new(sql);
}
