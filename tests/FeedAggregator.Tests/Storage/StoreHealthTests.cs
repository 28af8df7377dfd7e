using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Tests.Storage;

/// <summary>A store that refuses writes (a full disk) is seen, named, and recovers on its own.</summary>
public sealed class StoreHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_full_disk_is_reported_with_the_file_and_cleared_by_the_next_write_that_succeeds()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed")], Now, None);
        var feed = (await db.Feeds.ListAsync(None)).Single();
        long pages;
        await using (var connection = await db.Connections.OpenAsync(None))
            pages = await connection.ExecuteScalarAsync<long>("PRAGMA page_count");
        Article[] big = [.. Enumerable.Range(0, 50).Select(i => new Article
        {
            Key = $"k{i}", Title = $"t{i}", ContentHash = $"h{i}", ContentHtml = new string('x', 4000) + i,
        })];

        // The "disk" holds no page more than the file has now.
        db.Connections.TestWriterPragmas = $"PRAGMA max_page_count = {pages};";
        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Articles.SaveAsync(feed, big, Now, None));
        Assert.Equal(13, error.SqliteErrorCode);
        Assert.Equal(1, db.Connections.Health.Failures);
        Assert.StartsWith("store not writable: disk full", db.Connections.Health.Problem);
        Assert.Contains(db.Connections.DatabasePath, db.Connections.Health.Problem);

        // Space again (the pragma lives on the pooled connection: set it back explicitly).
        db.Connections.TestWriterPragmas = "PRAGMA max_page_count = 1073741823;";
        await db.Feeds.CheckWritableAsync(None);
        Assert.Null(db.Connections.Health.Problem);
        Assert.Equal(new StoreSummary(50, 0, 0), await db.Articles.SaveAsync(feed, big, Now, None));
    }
}
