using System.Data.Common;
using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>
/// What a feed has stored of one document's entries, as each provider's document lookup reads it:
/// the stored articles by key, the keys and links retention removed, and the feed's articles
/// under other keys with one of the document's links (a guid the feed changed). The lookup's rows
/// are (kind, key, id, content_hash, raw_hash, fingerprint, url, title), kind 0 stored, 1 removed, 2 renamed.
/// </summary>
/// <param name="Renamed">By (link, title): an article of the feed under a key the document does not have.</param>
internal sealed record StoredEntries(
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

    /// <summary>What processing needs to know before it starts: the raw hash under each key, and what retention removed.</summary>
    public KnownEntries Known => new(Stored.ToDictionary(s => s.Key, s => s.Value.RawHash, StringComparer.Ordinal), RemovedKeys, RemovedUrls);

    public static StoredEntries Read(DbDataReader rows)
    {
        var result = new StoredEntries(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
        while (rows.Read())
        {
            var key = rows.GetString(1);
            switch (rows.GetInt32(0))
            {
                case 0:
                    result.Stored[key] = StoredKeyOf(rows);
                    break;
                case 1:
                    result.RemovedKeys.Add(key);
                    if (!rows.IsDBNull(6))
                        result.RemovedUrls.Add(rows.GetString(6));
                    break;
                default:
                    // The earliest such article keeps the identity, as it always has.
                    var candidate = StoredKeyOf(rows);
                    var link = (rows.GetString(6), rows.GetString(7));
                    if (!result.Renamed.TryGetValue(link, out var kept) || candidate.Id < kept.Id)
                        result.Renamed[link] = candidate;
                    break;
            }
        }

        return result;
    }

    private static StoredKey StoredKeyOf(DbDataReader rows) => new(
        rows.GetInt64(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4), rows.IsDBNull(5) ? null : (byte[])rows.GetValue(5));
}
