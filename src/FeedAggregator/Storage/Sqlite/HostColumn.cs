using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The host of every stored feed, for the migration step that added the column: SQLite has no URL
/// functions, so the host is computed here as the application computes it for new rows.
/// </summary>
internal static class HostColumn
{
    public static async Task FillAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var feeds = new List<(long Id, string Host)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, coalesce(discovered_url, url) FROM feeds WHERE origin = 'opml'";
            await using var rows = await read.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
                feeds.Add((rows.GetInt64(0), Feed.HostOf(rows.GetString(1))));
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE feeds SET host = @host WHERE id = @id";
        var (host, id) = (update.Parameters.Add("@host", SqliteType.Text), update.Parameters.Add("@id", SqliteType.Integer));
        foreach (var feed in feeds)
        {
            (host.Value, id.Value) = (feed.Host, feed.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
