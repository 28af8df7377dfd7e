using System.Text.Json;

namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// One statement per feed document: its keys that the feed has stored (with what a save needs of
/// them), its keys and links that retention removed, and the feed's articles under other keys
/// with one of its links (a guid the feed changed), read by <see cref="StoredEntries.Read"/>. The
/// keys and links travel as one JSON array each, so the statement is prepared once whatever the
/// document's size.
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

    public static string JsonArray<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values);
}
