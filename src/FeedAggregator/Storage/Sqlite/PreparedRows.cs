using System.Collections;
using System.Data.Common;
using SQLitePCL;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The rows of a <see cref="PreparedCommand"/>, read straight from its statement (the column
/// values as Microsoft.Data.Sqlite gives them: long, double, string, byte[], DBNull). Disposing it
/// resets the statement, which the command runs again.
/// </summary>
internal sealed class PreparedRows(sqlite3_stmt statement, sqlite3 db) : DbDataReader
{
    private bool _closed;

    public override int FieldCount => raw.sqlite3_column_count(statement);

    public override bool Read()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var rc = raw.sqlite3_step(statement);
        PreparedCommand.Check(rc, db);
        return rc == raw.SQLITE_ROW;
    }

    public override bool IsDBNull(int ordinal) => Type(ordinal) == raw.SQLITE_NULL;

    public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal) => raw.sqlite3_column_double(statement, ordinal);

    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetDouble(ordinal);

    public override string GetString(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override object GetValue(int ordinal) => Value(statement, ordinal);

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
            values[i] = GetValue(i);
        return count;
    }

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var blob = raw.sqlite3_column_blob(statement, ordinal);
        if (buffer is null)
            return blob.Length;
        var count = (int)Math.Clamp(blob.Length - dataOffset, 0, length);
        blob.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
            return text.Length;
        var count = (int)Math.Clamp(text.Length - dataOffset, 0, length);
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override DateTime GetDateTime(int ordinal) =>
        throw new NotSupportedException("The store keeps times as Unix milliseconds: read them with GetInt64.");

    public override Guid GetGuid(int ordinal) => new(GetString(ordinal));

    public override string GetName(int ordinal) => raw.sqlite3_column_name(statement, ordinal).utf8_to_string();

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        throw new IndexOutOfRangeException($"No column {name}.");
    }

    public override Type GetFieldType(int ordinal) => Type(ordinal) switch
    {
        raw.SQLITE_INTEGER => typeof(long),
        raw.SQLITE_FLOAT => typeof(double),
        raw.SQLITE_BLOB => typeof(byte[]),
        _ => typeof(string),
    };

    public override string GetDataTypeName(int ordinal) => Type(ordinal) switch
    {
        raw.SQLITE_INTEGER => "INTEGER",
        raw.SQLITE_FLOAT => "REAL",
        raw.SQLITE_BLOB => "BLOB",
        raw.SQLITE_NULL => "NULL",
        _ => "TEXT",
    };

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int Depth => 0;

    public override bool HasRows => throw new NotSupportedException("Read until it returns false.");

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override bool NextResult() => false;

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close()
    {
        if (_closed)
            return;
        _closed = true;
        raw.sqlite3_reset(statement);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Close();
        base.Dispose(disposing);
    }

    /// <summary>A column's value as Microsoft.Data.Sqlite gives it: long, double, string, byte[] or DBNull.</summary>
    internal static object Value(sqlite3_stmt statement, int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, ordinal),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, ordinal),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, ordinal).ToArray(),
        raw.SQLITE_NULL => DBNull.Value,
        _ => raw.sqlite3_column_text(statement, ordinal).utf8_to_string(),
    };

    private int Type(int ordinal) => raw.sqlite3_column_type(statement, ordinal);
}
