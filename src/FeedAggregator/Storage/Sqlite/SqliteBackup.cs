using Dapper;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// Consistent copies of the SQLite store, while it is in use: SQLite's online backup API copies
/// every page inside one read transaction, so writers (in WAL mode) go on and the copy is the
/// database as it was at one instant. Each copy is checked with <c>PRAGMA integrity_check</c>.
/// </summary>
public static class SqliteBackup
{
    /// <summary>
    /// Copies <paramref name="database"/> to <paramref name="destination"/> (replacing it): written
    /// beside it under a temporary name, made one self-contained file (rollback journal, no WAL),
    /// checked, then renamed into place, so a failed backup leaves no half file.
    /// </summary>
    public static async Task<BackupSummary> BackupAsync(string database, string destination, CancellationToken cancellationToken)
    {
        RequireDatabase(database);
        if (SamePath(database, destination))
            throw new InvalidDataException($"backup: {destination} is the database itself; name another file.");
        var temporary = destination + ".partial";
        try
        {
            await using (var source = await OpenAsync(database, SqliteOpenMode.ReadWrite, cancellationToken))
            await using (var copy = await OpenAsync(temporary, SqliteOpenMode.ReadWriteCreate, cancellationToken))
            {
                source.BackupDatabase(copy);
                await copy.ExecuteAsync("PRAGMA journal_mode = DELETE");
            }

            var summary = await CheckAsync(temporary, cancellationToken);
            File.Move(temporary, destination, overwrite: true);
            return summary;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Replaces <paramref name="database"/> with the backup at <paramref name="backup"/>, after
    /// checking it; the database it replaces is kept as <c>DATABASE.before-restore</c>. The caller
    /// makes sure no other process uses the database.
    /// </summary>
    public static async Task<RestoreSummary> RestoreAsync(string backup, string database, CancellationToken cancellationToken)
    {
        RequireDatabase(backup);
        var summary = await CheckAsync(backup, cancellationToken);
        if (summary.SchemaVersion > SqliteMigrations.Steps.Count)
            throw new InvalidDataException(
                $"restore: {backup} has schema version {summary.SchemaVersion}, newer than this feedagg knows ({SqliteMigrations.Steps.Count}); restore it with the feedagg that made it.");

        string? previous = null;
        if (File.Exists(database))
        {
            previous = database + ".before-restore";
            await BackupAsync(database, previous, cancellationToken);
        }

        // Page by page into the database, through its own journal: all of it or, on a failure, none.
        await using (var source = await OpenAsync(backup, SqliteOpenMode.ReadOnly, cancellationToken))
        await using (var target = await OpenAsync(database, SqliteOpenMode.ReadWriteCreate, cancellationToken))
        {
            source.BackupDatabase(target);
            // A backup is one file in rollback-journal mode; the service works in WAL mode (the migrator sets it again too).
            await target.ExecuteAsync("PRAGMA journal_mode = WAL");
        }

        return new RestoreSummary(summary, previous);
    }

    /// <summary>Checks a database file: integrity_check, and that it is a FeedAggregator store; what it holds.</summary>
    public static async Task<BackupSummary> CheckAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken);
        var problems = (await connection.QueryAsync<string>("PRAGMA integrity_check")).ToList();
        if (problems is not ["ok"])
            throw new InvalidDataException($"{path} failed integrity_check: {string.Join("; ", problems.Take(5))}");
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('feeds', 'articles')") != 2)
            throw new InvalidDataException($"{path} is a SQLite database but not a FeedAggregator store (no feeds and articles tables).");
        var (feeds, articles) = await connection.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM feeds), (SELECT count(*) FROM articles)");
        return new BackupSummary(
            new FileInfo(path).Length, feeds, articles, await connection.ExecuteScalarAsync<int>("PRAGMA user_version"));
    }

    private static void RequireDatabase(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"no database at {path}", path);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    // Not pooled: the files are closed when the copy is done, so they can be renamed and the backup read by others.
    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA busy_timeout = 30000");
        return connection;
    }
}

/// <summary>What a checked copy holds.</summary>
public sealed record BackupSummary(long Bytes, long Feeds, long Articles, int SchemaVersion);

/// <summary>What a restore put in place, and where the database it replaced was kept (null when there was none).</summary>
public sealed record RestoreSummary(BackupSummary Restored, string? Previous);
