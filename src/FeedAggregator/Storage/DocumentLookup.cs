using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage;

/// <summary>
/// One statement per feed document: its keys that the feed has stored (with what a save needs of
/// them) and its keys and links that retention removed. The keys and links travel as one JSON
/// array each, so the statement is prepared once whatever the document's size.
/// </summary>
internal static class DocumentLookup
{
    public const string Sql = """
        SELECT 0, key, id, content_hash, raw_hash, fingerprint FROM articles
        WHERE feed_id = @feedId AND key IN (SELECT value FROM json_each(@keys))
        UNION ALL
        SELECT 1, key, NULL, NULL, NULL, url FROM tombstones
        WHERE feed_id = @feedId AND (key IN (SELECT value FROM json_each(@keys)) OR url IN (SELECT value FROM json_each(@urls)))
        """;

    public static readonly string[] Names = ["feedId", "keys", "urls"];

    public static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    public static Result Read(SqliteDataReader rows)
    {
        var result = new Result(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        while (rows.Read())
        {
            var key = rows.GetString(1);
            if (rows.GetInt32(0) == 0)
            {
                result.Stored[key] = new StoredKey(
                    rows.GetInt64(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4),
                    rows.IsDBNull(5) ? null : (byte[])rows.GetValue(5));
            }
            else
            {
                result.RemovedKeys.Add(key);
                if (!rows.IsDBNull(5))
                    result.RemovedUrls.Add(rows.GetString(5));
            }
        }

        return result;
    }

    public sealed record Result(Dictionary<string, StoredKey> Stored, HashSet<string> RemovedKeys, HashSet<string> RemovedUrls)
    {
        public bool IsRemoved(string key, string? url) => RemovedKeys.Contains(key) || (url is not null && RemovedUrls.Contains(url));
    }
}
