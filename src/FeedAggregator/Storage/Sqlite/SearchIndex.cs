using FeedAggregator.Processing;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// What ?q= searches: an article's title and its plain text (words people read, never tag or
/// attribute names), in the contentless FTS5 table articles_fts keyed by the article's id.
/// </summary>
internal static class SearchIndex
{
    public const string InsertSql = "INSERT INTO articles_fts (rowid, title, text) VALUES (@id, @title, @text)";
    public const string DeleteSql = "DELETE FROM articles_fts WHERE rowid = @id";

    /// <summary>Indexes every stored article from its HTML: the migration step that replaced the markup index.</summary>
    public static async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT id, title, summary_html, content_html FROM articles";
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        var (id, title, text) = (insert.Parameters.Add("@id", SqliteType.Integer), insert.Parameters.Add("@title", SqliteType.Text), insert.Parameters.Add("@text", SqliteType.Text));
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            id.Value = rows.GetInt64(0);
            title.Value = rows.GetString(1);
            text.Value = HtmlText.ToPlainText(rows.IsDBNull(3) ? rows.IsDBNull(2) ? null : rows.GetString(2) : rows.GetString(3));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
