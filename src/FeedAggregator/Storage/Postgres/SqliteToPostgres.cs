using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FeedAggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// Copies a SQLite store into a PostgreSQL one (<c>feedagg migrate --to postgres</c>): feeds with
/// their poll state, hosts, articles, stories (their ids on the articles and their LSH buckets),
/// tombstones, WebSub subscriptions, and the search index (rebuilt from each article's title and text, as SQLite's
/// contentless FTS5 table keeps no text to copy). Table by table in key order, a batch per
/// transaction, rows already there kept (ON CONFLICT DO NOTHING): an interrupted copy resumes
/// from the largest key the target holds. Verified at the end by row counts and a checksum per
/// table, computed alike on both sides over the columns copied.
/// </summary>
public sealed class SqliteToPostgres(SqliteConnectionFactory sqlite, PostgresConnections postgres)
{
    /// <summary>A table: its key (the first column is where a copy resumes), the batch size.</summary>
    private sealed record Table(string Name, string[] Key, int Batch, bool ResumesByKey = true);

    private static readonly Table[] Tables =
    [
        new("feeds", ["id"], 1000),
        // Text keys sort differently in SQLite and PostgreSQL: the (few) hosts are copied whole each time.
        new("hosts", ["host"], 1000, ResumesByKey: false),
        new("articles", ["id"], 250),
        new("story_buckets", ["bucket", "article_id"], 5000),
        new("tombstones", ["feed_id", "key"], 1000),
        new("websub_subscriptions", ["id"], 1000),
    ];

    public async Task<IReadOnlyList<TableCheck>> CopyAsync(IProgress<CopyProgress> progress, CancellationToken cancellationToken)
    {
        // The newest articles' story buckets wait in the SQLite writer's memory: into the table first.
        await sqlite.WriteAsync(writer => writer.MergeStoryBuckets(), cancellationToken);
        await using var source = await sqlite.OpenAsync(cancellationToken);
        await using var target = await postgres.OpenAsync(cancellationToken);
        foreach (var table in Tables)
            await CopyTableAsync(source, target, table, await ColumnsAsync(source, target, table.Name, cancellationToken), progress, cancellationToken);

        // Explicit ids were copied: the identities continue after them.
        await target.ExecuteAsync(new CommandDefinition(
            """
            SELECT setval('feeds_id_seq', GREATEST((SELECT max(id) FROM feeds), 1));
            SELECT setval('articles_id_seq', GREATEST((SELECT max(id) FROM articles), 1));
            SELECT setval(pg_get_serial_sequence('websub_subscriptions', 'id'), GREATEST((SELECT max(id) FROM websub_subscriptions), 1));
            """, cancellationToken: cancellationToken));

        var checks = new List<TableCheck>();
        foreach (var table in Tables)
        {
            var columns = await ColumnsAsync(source, target, table.Name, cancellationToken);
            var select = $"SELECT {string.Join(", ", columns)} FROM {table.Name}";
            var (sourceRows, sourceSum) = await ChecksumAsync(source, select, cancellationToken);
            var (targetRows, targetSum) = await ChecksumAsync(target, select, cancellationToken);
            checks.Add(new TableCheck(table.Name, sourceRows, targetRows, sourceSum, targetSum));
        }

        return checks;
    }

    private static async Task CopyTableAsync(
        SqliteConnection source, NpgsqlConnection target, Table table, string[] columns, IProgress<CopyProgress> progress, CancellationToken cancellationToken)
    {
        var total = await source.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table.Name}", cancellationToken: cancellationToken));
        var copied = await target.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table.Name}", cancellationToken: cancellationToken));
        progress.Report(new CopyProgress(table.Name, Math.Min(copied, total), total));

        // Resume: from the largest first key column the target holds (rows with it again are kept as they are).
        var resumeFrom = table.ResumesByKey && copied > 0
            ? await target.ExecuteScalarAsync<object>(new CommandDefinition($"SELECT max({table.Key[0]}) FROM {table.Name}", cancellationToken: cancellationToken))
            : null;
        var keyIndexes = table.Key.Select(k => Array.IndexOf(columns, k)).ToArray();
        var search = table.Name == "articles" ? SearchColumns.Of(columns) : null;
        object?[]? cursor = null;
        var keyList = string.Join(", ", table.Key);
        while (true)
        {
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table.Name} " +
                               (cursor is not null ? $"WHERE ({keyList}) > ({string.Join(", ", table.Key.Select((_, i) => "@k" + i))}) "
                                   : resumeFrom is not null ? $"WHERE {table.Key[0]} >= @r " : "") +
                               $"ORDER BY {keyList} LIMIT {table.Batch}";
            if (cursor is not null)
            {
                for (var i = 0; i < cursor.Length; i++)
                    read.Parameters.AddWithValue("@k" + i, cursor[i]);
            }
            else if (resumeFrom is not null)
            {
                read.Parameters.AddWithValue("@r", resumeFrom);
            }

            var rows = new List<object?[]>(table.Batch);
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object?[columns.Length];
                    reader.GetValues(row!);
                    rows.Add(row);
                }
            }

            if (rows.Count == 0)
                break;
            await InsertAsync(target, table.Name, columns, rows, search, cancellationToken);
            cursor = [.. keyIndexes.Select(i => rows[^1][i])];
            copied = Math.Min(copied + rows.Count, total);
            progress.Report(new CopyProgress(table.Name, copied, total));
        }
    }

    private static async Task InsertAsync(
        NpgsqlConnection target, string table, string[] columns, List<object?[]> rows, SearchColumns? search, CancellationToken cancellationToken)
    {
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand { Connection = target, Transaction = transaction };
        var values = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            values.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"p{r}_{c}";
                values.Append(c == 0 ? "@" : ", @").Append(name);
                insert.Parameters.AddWithValue(name, rows[r][c] ?? DBNull.Value);
            }

            if (search is not null)
            {
                values.Append($", to_tsvector('simple', @s{r})");
                insert.Parameters.AddWithValue("s" + r, search.TextOf(rows[r]));
            }

            values.Append(')');
        }

        var names = string.Join(", ", search is null ? columns : [.. columns, "search"]);
        insert.CommandText = $"INSERT INTO {table} ({names}) VALUES {values} ON CONFLICT DO NOTHING";
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The columns both sides have, in SQLite's order; the target's search index is computed.</summary>
    private static async Task<string[]> ColumnsAsync(SqliteConnection source, NpgsqlConnection target, string table, CancellationToken cancellationToken)
    {
        var theirs = (await target.QueryAsync<string>(new CommandDefinition(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            new { table }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var ours = await source.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM pragma_table_info(@table)", new { table }, cancellationToken: cancellationToken));
        return [.. ours.Where(theirs.Contains)];
    }

    /// <summary>Row count and an order-free checksum: the sum of each row's SHA-256 (first 8 bytes) over its values in a canonical form.</summary>
    private static async Task<(long Rows, string Checksum)> ChecksumAsync(System.Data.Common.DbConnection connection, string select, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (rows, sum) = (0L, 0UL);
        var text = new StringBuilder();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            text.Clear();
            reader.GetValues(values);
            foreach (var value in values)
            {
                text.Append(value switch
                {
                    DBNull => "n",
                    long or int or short => "i" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    double d => "d" + d.ToString("R", CultureInfo.InvariantCulture),
                    byte[] bytes => "b" + Convert.ToHexString(bytes),
                    _ => "s" + Convert.ToString(value, CultureInfo.InvariantCulture),
                }).Append('\u001f');
            }

            sum += BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            rows++;
        }

        return (rows, sum.ToString("x16", CultureInfo.InvariantCulture));
    }

    /// <summary>Where an article's title and HTML sit in a copied row, for its search text.</summary>
    private sealed record SearchColumns(int Title, int Summary, int Content)
    {
        public static SearchColumns Of(string[] columns) =>
            new(Array.IndexOf(columns, "title"), Array.IndexOf(columns, "summary_html"), Array.IndexOf(columns, "content_html"));

        public string TextOf(object?[] row) =>
            PostgresSearch.TextOf(row[Title] as string ?? "", row[Content] as string ?? row[Summary] as string);
    }
}

/// <summary>How far the copy of one table is.</summary>
public sealed record CopyProgress(string Table, long Copied, long Total);

/// <summary>One table compared after the copy.</summary>
public sealed record TableCheck(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}
