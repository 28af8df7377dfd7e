using System.Text.Json;
using FeedAggregator.Model;
using Microsoft.Data.Sqlite;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// One statement per feed document: its keys that the feed has stored (with what a save needs of
/// them), its keys and links that retention removed, and the feed's articles under other keys
/// with one of its links (a guid the feed changed). The keys and links travel as one JSON array
/// each, so the statement is prepared once whatever the document's size.
/// </summary>
internal static class DocumentLookup
{
    public const string Sql = """
        SELECT 0, key, id, content_hash, raw_hash, fingerprint, NULL, NULL FROM articles
        WHERE feed_id = @feedId AND key IN (SELECT value FROM json_each(@keys))
        UNION ALL
        SELECT 1, key, NULL, NULL, NULL, NULL, url, NULL FROM tombstones
        WHERE feed_id = @feedId AND (key IN (SELECT value FROM json_each(@keys)) OR url IN (SELECT value FROM json_each(@urls)))
        UNION ALL
        SELECT 2, key, id, content_hash, raw_hash, fingerprint, url, title FROM articles
        WHERE url IN (SELECT value FROM json_each(@urls)) AND feed_id = @feedId
          AND key NOT IN (SELECT value FROM json_each(@documentKeys))
        """;

    /// <summary>keys and urls: of the articles to store; documentKeys: of every entry of the document.</summary>
    public static readonly string[] Names = ["feedId", "keys", "urls", "documentKeys"];

    public static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    public static Result Read(SqliteDataReader rows)
    {
        var result = new Result(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
        while (rows.Read())
        {
            var key = rows.GetString(1);
            switch (rows.GetInt32(0))
            {
                case 0:
                    result.Stored[key] = Stored(rows);
                    break;
                case 1:
                    result.RemovedKeys.Add(key);
                    if (!rows.IsDBNull(6))
                        result.RemovedUrls.Add(rows.GetString(6));
                    break;
                default:
                    // The earliest such article keeps the identity, as it always has.
                    var candidate = Stored(rows);
                    var link = (rows.GetString(6), rows.GetString(7));
                    if (!result.Renamed.TryGetValue(link, out var kept) || candidate.Id < kept.Id)
                        result.Renamed[link] = candidate;
                    break;
            }
        }

        return result;
    }

    private static StoredKey Stored(SqliteDataReader rows) => new(
        rows.GetInt64(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4), rows.IsDBNull(5) ? null : (byte[])rows.GetValue(5));

    /// <param name="Renamed">By (link, title): an article of the feed under a key the document does not have.</param>
    public sealed record Result(
        Dictionary<string, StoredKey> Stored, HashSet<string> RemovedKeys, HashSet<string> RemovedUrls,
        Dictionary<(string Url, string Title), StoredKey> Renamed)
    {
        public bool IsRemoved(string key, string? url) => RemovedKeys.Contains(key) || (url is not null && RemovedUrls.Contains(url));

        /// <summary>
        /// A stored article of this feed with the same link and title under another key: the feed
        /// changed the entry's guid, and the entry keeps its first identity.
        /// </summary>
        public StoredKey? RenamedFrom(Article article) =>
            article.Url is { } url ? Renamed.GetValueOrDefault((url, article.Title)) : null;
    }
}
