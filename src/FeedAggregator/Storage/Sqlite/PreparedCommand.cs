using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// A statement compiled once on the writer's connection and run again with new values: the hot
/// path of storing skips SQLite's parse and plan (and Dapper's reflection) for every row.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = [.. names.Select(name => _command.Parameters.Add(new SqliteParameter("@" + name, DBNull.Value)))];
        _command.Prepare();
    }

    /// <summary>Binds the values, in the order of the names given at construction.</summary>
    public PreparedCommand With(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        _command.Transaction = transaction;
        for (var i = 0; i < _parameters.Length; i++)
            _parameters[i].Value = values[i] ?? DBNull.Value;
        return this;
    }

    public int Execute() => _command.ExecuteNonQuery();

    public object? Scalar() => _command.ExecuteScalar();

    public SqliteDataReader Read() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
