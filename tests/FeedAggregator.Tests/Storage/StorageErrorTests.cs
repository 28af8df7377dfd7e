using FeedAggregator.Storage;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Tests.Storage;

/// <summary>Each SQLite failure is told as what is wrong with which file and what to do.</summary>
public sealed class StorageErrorTests
{
    private const string Path = "/var/lib/feedagg/store.db";

    [Theory]
    [InlineData(13, "store not writable: disk full: the disk holding /var/lib/feedagg/store.db is full")]
    [InlineData(8, "store not writable: /var/lib/feedagg/store.db is read-only; make it and its folder writable")]
    [InlineData(14, "store unavailable: cannot open /var/lib/feedagg/store.db; check that the path is right")]
    [InlineData(10, "store unavailable: an I/O error on /var/lib/feedagg/store.db (SQLite says no); check the disk")]
    [InlineData(11, "store unusable: /var/lib/feedagg/store.db is damaged or not a FeedAggregator database; restore a backup")]
    [InlineData(26, "store unusable: /var/lib/feedagg/store.db is damaged or not a FeedAggregator database; restore a backup")]
    [InlineData(5, "store busy: /var/lib/feedagg/store.db stayed locked by another process")]
    [InlineData(6, "store busy: /var/lib/feedagg/store.db stayed locked by another process")]
    [InlineData(1, "storage error on /var/lib/feedagg/store.db: SQLite says no")]
    public void A_failure_is_described_by_its_code_naming_the_file(int code, string expected)
    {
        Assert.StartsWith(expected, StorageError.Describe(new SqliteException("SQLite says no", code), Path));
    }
}
