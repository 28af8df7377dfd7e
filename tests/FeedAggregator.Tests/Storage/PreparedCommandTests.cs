using FeedAggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Tests.Storage;

/// <summary>
/// The writer's prepared statements (<see cref="PreparedCommand"/>), which bind by position on
/// SQLite's statement rather than through a command: every value goes in and comes out as
/// Microsoft.Data.Sqlite would give it, and errors are its exceptions.
/// </summary>
public sealed class PreparedCommandTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PreparedCommandTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c UNIQUE)";
        create.ExecuteNonQuery();
    }

    public static TheoryData<object?, object> Values => new()
    {
        { 42L, 42L },
        { -7, -7L },
        { true, 1L },
        { false, 0L },
        { 2.5, 2.5 },
        { "plain", "plain" },
        { "", "" },
        { "العربية, ünïcödé, 😀", "العربية, ünïcödé, 😀" },
        { new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 } },
        { Array.Empty<byte>(), Array.Empty<byte>() },
        { null, DBNull.Value },
        { DBNull.Value, DBNull.Value },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_and_read_back_as_a_command_reads_it(object? value, object expected)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (id, a) VALUES (@id, @a)", "id", "a");
        Assert.Equal(1, insert.With(transaction, 1L, value).Execute());

        using var read = new PreparedCommand(_connection, "SELECT a FROM t WHERE id = @id", "id");
        Assert.Equal(expected, read.With(transaction, 1L).Scalar());
        using var command = new SqliteCommand("SELECT a FROM t WHERE id = 1", _connection, transaction);
        Assert.Equal(command.ExecuteScalar(), read.With(transaction, 1L).Scalar());
    }

    [Fact]
    public void Each_text_of_a_row_keeps_its_own_value_and_a_long_one_is_whole()
    {
        var longText = string.Concat(Enumerable.Repeat("ü-long text ", 200_000));
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (id, a, b, c) VALUES (@id, @a, @b, @c)", "id", "a", "b", "c");
        insert.With(transaction, 1L, "first", longText, "third").Execute();
        insert.With(transaction, 2L, "fourth", "fifth", "sixth").Execute();

        using var read = new PreparedCommand(_connection, "SELECT a, b, c FROM t ORDER BY id", []);
        using var rows = read.With(transaction).Read();
        Assert.True(rows.Read());
        Assert.Equal(("first", longText, "third"), (rows.GetString(0), rows.GetString(1), rows.GetString(2)));
        Assert.True(rows.Read());
        Assert.Equal(("fourth", "fifth", "sixth"), (rows.GetString(0), rows.GetString(1), rows.GetString(2)));
        Assert.False(rows.Read());
    }

    [Fact]
    public void A_name_the_statement_does_not_use_is_skipped_and_a_parameter_without_a_name_is_refused()
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (id, a) VALUES (@id, @a)", "id", "unused", "a");
        insert.With(transaction, 1L, "ignored", "kept").Execute();
        using var read = new PreparedCommand(_connection, "SELECT a FROM t WHERE id = 1", []);
        Assert.Equal("kept", read.With(transaction).Scalar());

        Assert.Throws<ArgumentException>(() => new PreparedCommand(_connection, "INSERT INTO t (id, a) VALUES (@id, @a)", "id"));
        Assert.Throws<ArgumentException>(() => insert.With(transaction, 1L, "too few"));
        Assert.Throws<ArgumentException>(() => insert.With(transaction, 2L, "x", DateTime.Now));
    }

    [Fact]
    public void A_failed_run_throws_the_sqlite_error_and_the_statement_runs_again()
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (id, c) VALUES (@id, @c)", "id", "c");
        insert.With(transaction, 1L, "same").Execute();

        var error = Assert.Throws<SqliteException>(() => insert.With(transaction, 2L, "same").Execute());
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", error.Message);

        Assert.Equal(1, insert.With(transaction, 2L, "other").Execute());
        using var count = new PreparedCommand(_connection, "SELECT count(*) FROM t", []);
        Assert.Equal(2L, count.With(transaction).Scalar());
    }

    [Fact]
    public void Scalar_is_null_without_a_row_and_returning_gives_the_new_row()
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (a) VALUES (@a) ON CONFLICT DO NOTHING RETURNING id", "a");
        Assert.Equal(1L, insert.With(transaction, "x").Scalar());
        Assert.Equal(2L, insert.With(transaction, "y").Scalar());
        using var none = new PreparedCommand(_connection, "SELECT a FROM t WHERE id = @id", "id");
        Assert.Null(none.With(transaction, 99L).Scalar());
        using var update = new PreparedCommand(_connection, "UPDATE t SET b = 1 WHERE id > @id", "id");
        Assert.Equal(2, update.With(transaction, 0L).Execute());
        Assert.Equal(0, update.With(transaction, 5L).Execute());
    }

    [Fact]
    public void A_reader_left_before_its_end_leaves_the_statement_ready_to_run_again()
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedCommand(_connection, "INSERT INTO t (id, a, b) VALUES (@id, @a, @b)", "id", "a", "b");
        for (var i = 1L; i <= 3; i++)
            insert.With(transaction, i, i * 10, null).Execute();

        using var read = new PreparedCommand(_connection, "SELECT id, a, b FROM t WHERE id >= @from ORDER BY id", "from");
        using (var rows = read.With(transaction, 1L).Read())
        {
            Assert.True(rows.Read());
            Assert.Equal((1L, 10, true), (rows.GetInt64(0), rows.GetInt32(1), rows.IsDBNull(2)));
        }

        using (var rows = read.With(transaction, 2L).Read())
        {
            Assert.True(rows.Read());
            Assert.Equal(new object[] { 2L, 20L, DBNull.Value }, Enumerable.Range(0, rows.FieldCount).Select(rows.GetValue));
            Assert.Equal(("id", 1, typeof(long)), (rows.GetName(0), rows.GetOrdinal("A"), rows.GetFieldType(1)));
            Assert.True(rows.Read());
            Assert.False(rows.Read());
        }
    }

    public void Dispose() => _connection.Dispose();
}
