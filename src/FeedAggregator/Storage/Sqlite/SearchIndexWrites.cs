using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The writer's changes to the search index, held until just before the commit. FTS5 writes the
/// terms it holds as a new index segment whenever a later statement of the transaction opens a
/// savepoint (an insert into articles does, for its constraints and triggers), so an article
/// indexed between other writes costs a segment of its own, and merging those segments was most
/// of the cost of storing. Indexed together at the end, a transaction makes one segment.
/// </summary>
internal sealed class SearchIndexWrites(SqliteConnection connection) : IDisposable
{
    private readonly PreparedCommand _index = new(connection, SearchIndex.InsertSql, "id", "title", "text");
    private readonly PreparedCommand _unindex = new(connection, SearchIndex.DeleteSql, "id");
    private readonly List<(long Id, string? Title, string? Text)> _pending = [];

    /// <summary>Indexes the article's title and text at the commit.</summary>
    public void Index(long id, string title, string text) => _pending.Add((id, title, text));

    /// <summary>Removes the article from the index at the commit (before anything indexed after this call).</summary>
    public void Unindex(long id) => _pending.Add((id, null, null));

    /// <summary>Writes what is pending, in order, then commits.</summary>
    public void Commit(SqliteTransaction transaction)
    {
        foreach (var (id, title, text) in _pending)
        {
            if (title is null)
                _unindex.With(transaction, id).Execute();
            else
                _index.With(transaction, id, title, text).Execute();
        }

        _pending.Clear();
        transaction.Commit();
    }

    /// <summary>Forgets what is pending: its transaction is rolled back.</summary>
    public void Discard() => _pending.Clear();

    public void Dispose()
    {
        _index.Dispose();
        _unindex.Dispose();
    }
}
