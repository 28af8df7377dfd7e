using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// A command with its values bound by name, in the order of the names: for the statements whose
/// parameters are a shared list (a feed's poll state, an article's row). Npgsql prepares a
/// statement that runs again and again by itself (Max Auto Prepare, see <see cref="PostgresConnections"/>).
/// </summary>
internal static class PostgresCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IReadOnlyList<string> names, params ReadOnlySpan<object?> values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        for (var i = 0; i < names.Count; i++)
            command.Parameters.Add(new NpgsqlParameter(names[i], values[i] ?? DBNull.Value));
        return command;
    }
}
