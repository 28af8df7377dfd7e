using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// A statement compiled once on the writer's connection and run again with new values: the hot
/// path of storing skips SQLite's parse and plan (and Dapper's reflection) for every row.
/// </summary>
/// <remarks>
/// It drives SQLite's statement directly rather than through a <see cref="SqliteCommand"/>:
/// Microsoft.Data.Sqlite looks every parameter up by name on every run, and SQLite finds a name
/// by walking the statement's list of names, so binding a statement of n parameters cost n²/2
/// string compares (about 600 for each new article's insert and story lookup, 5% of the writer's
/// thread in a first poll). Here each name is looked up once, when the statement is prepared, and
/// values are bound by position. Errors are Microsoft.Data.Sqlite's <see cref="SqliteException"/>,
/// as from a command.
/// </remarks>
internal sealed class PreparedCommand : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _positions;
    private byte[] _utf8 = [];

    public PreparedCommand(SqliteConnection connection, string sql, params string[] names)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out var rest));
        if (!string.IsNullOrWhiteSpace(rest))
            throw new ArgumentException("A prepared command is one statement.", nameof(sql));
        // 0 for a name the statement does not use (a row's values shared by an insert and an update).
        _positions = [.. names.Select(name => raw.sqlite3_bind_parameter_index(_statement, "@" + name))];
        if (_positions.Where(position => position > 0).Distinct().Count() != raw.sqlite3_bind_parameter_count(_statement))
            throw new ArgumentException("Every parameter of the statement is named, once.", nameof(names));
    }

    /// <summary>
    /// Binds the values, in the order of the names given at construction. The transaction is the
    /// connection's own: the statement runs in whatever the connection has begun.
    /// </summary>
    public PreparedCommand With(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (values.Length != _positions.Length)
            throw new ArgumentException($"{_positions.Length} values expected, {values.Length} given.", nameof(values));
        raw.sqlite3_reset(_statement);
        for (var i = 0; i < _positions.Length; i++)
        {
            if (_positions[i] > 0)
                Bind(_positions[i], values[i]);
        }
        return this;
    }

    /// <summary>Runs the statement to its end: the rows it changed (-1 for a statement that writes nothing).</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return raw.sqlite3_stmt_readonly(_statement) != 0 ? -1 : raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row (<see cref="DBNull"/> for NULL), or null with no row.</summary>
    public object? Scalar()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
                return PreparedRows.Value(_statement, 0);
            Check(rc);
            return null;
        }
        finally
        {
            // A statement with RETURNING made all of its changes at its first step.
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The statement's rows; disposing the reader resets the statement for its next run.</summary>
    public PreparedRows Read() => new(_statement, _db);

    public void Dispose() => _statement.Dispose();

    private void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, position, real),
            string text => BindText(position, text),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new ArgumentException($"No SQLite type for a {value.GetType().Name}.", nameof(value)),
        };
        Check(rc);
    }

    private int BindText(int position, string text)
    {
        // Encoded into one buffer kept for the statement; SQLite copies what is bound.
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < size)
            _utf8 = new byte[Math.Max(size, 2 * _utf8.Length)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        var rc = raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length));
        // A buffer grown for one large article is let go rather than held by the writer for good.
        if (_utf8.Length > 1 << 20)
            _utf8 = [];
        return rc;
    }

    private void Check(int rc) => Check(rc, _db);

    /// <summary>SQLite's error, if <paramref name="rc"/> is one, as Microsoft.Data.Sqlite throws it.</summary>
    internal static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            SqliteException.ThrowExceptionForRC(rc, db);
    }
}
