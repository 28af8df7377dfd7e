using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>
/// A storage failure in words an operator can act on: what is wrong, with which file, and what
/// to do. SQLite's own messages ("database or disk is full") name neither.
/// </summary>
public static class StorageError
{
    public static string Describe(SqliteException error, string databasePath) => error.SqliteErrorCode switch
    {
        13 => $"store not writable: disk full: the disk holding {databasePath} is full; free some space (polling and writing resume on their own)",
        8 => $"store not writable: {databasePath} is read-only; make it and its folder writable by the service's user (SQLite creates the -wal and -shm files beside it)",
        14 => $"store unavailable: cannot open {databasePath}; check that the path is right and its folder exists and is writable",
        10 => $"store unavailable: an I/O error on {databasePath} ({error.Message}); check the disk",
        11 or 26 => $"store unusable: {databasePath} is damaged or not a FeedAggregator database; restore a backup or move the file aside",
        5 or 6 => $"store busy: {databasePath} stayed locked by another process longer than the busy timeout; check what else writes to it",
        _ => $"storage error on {databasePath}: {error.Message}",
    };
}
