namespace FeedAggregator.Storage;

/// <summary>
/// What the store knows of a document's entries before they are processed: the raw hash stored
/// under each key, and the keys and links that retention removed from the feed.
/// </summary>
public sealed class KnownEntries(
    IReadOnlyDictionary<string, string?> rawHashes, IReadOnlySet<string> removedKeys, IReadOnlySet<string> removedUrls)
{
    public static readonly KnownEntries None = new(new Dictionary<string, string?>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>Stored under this key from an entry with the same raw hash: nothing to process or write.</summary>
    public bool IsUnchanged(string key, string rawHash) => rawHashes.TryGetValue(key, out var stored) && stored == rawHash;

    /// <summary>Stored under this key, changed or not.</summary>
    public bool IsStored(string key) => rawHashes.ContainsKey(key);

    /// <summary>Not stored, and retention removed it: a feed that still lists it does not bring it back.</summary>
    public bool IsRemoved(string key, string? url) =>
        !rawHashes.ContainsKey(key) && (removedKeys.Contains(key) || (url is not null && removedUrls.Contains(url)));
}
