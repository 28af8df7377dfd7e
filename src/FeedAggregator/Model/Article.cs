namespace FeedAggregator.Model;

/// <summary>
/// One article, in the shape every stage passes along: processing builds it from a parsed entry,
/// storage keeps it once per (feed, key), publishing renders it.
/// </summary>
public sealed record Article
{
    /// <summary>The store's row id; 0 before the article is stored.</summary>
    public long Id { get; init; }

    public long FeedId { get; init; }

    /// <summary>Identity within the feed, unique per feed: "guid:…", else "link:…", else "hash:…".</summary>
    public required string Key { get; init; }

    /// <summary>The id the source gave the entry (guid, atom:id), if any.</summary>
    public string? SourceId { get; init; }

    /// <summary>Absolute http(s) link to the article.</summary>
    public string? Url { get; init; }

    /// <summary>Plain text, never empty.</summary>
    public required string Title { get; init; }

    /// <summary>Sanitized HTML.</summary>
    public string? SummaryHtml { get; init; }

    /// <summary>Sanitized HTML.</summary>
    public string? ContentHtml { get; init; }

    public IReadOnlyList<Author> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<Enclosure> Enclosures { get; init; } = [];

    /// <summary>UTC; null when the source gave none or it could not be read.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>UTC; null when the source gave none or it could not be read.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>BCP 47 language tag (e.g. "ar"), or null when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>Hash of everything published about the article: unchanged hash, no write.</summary>
    public required string ContentHash { get; init; }

    /// <summary>
    /// The plain text of the content, as the processor read it: what search indexes. Not stored
    /// as such; null on an article read back from the store.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// The hash of the entry as parsed (see Processing/RawEntryHash): when the same entry comes
    /// back with the same hash, it is not processed again. Null when the article was not made from a poll.
    /// </summary>
    public string? RawHash { get; init; }

    /// <summary>Set by the store: the stable public id (a tag: URI) that never changes.</summary>
    public string? PublicId { get; init; }

    /// <summary>Set by the store: when the article was first stored (UTC).</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>Set by the store: when the stored article last changed (UTC).</summary>
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The similarity fingerprint of the text; null when the text is too short to compare.</summary>
    public Stories.TextFingerprint? Fingerprint { get; init; }

    /// <summary>Set by the store: the story the article belongs to (the id of its first article).</summary>
    public long StoryId { get; init; }

    /// <summary>Set by the store: why it joined its story: "first", "link" or "text".</summary>
    public string? StoryMatch { get; init; }

    /// <summary>Set by the store: the similarity to the article it was matched with (1 for a link).</summary>
    public double? StoryScore { get; init; }

    /// <summary>The time to sort and show by: the publication date, else when it was first seen.</summary>
    public DateTimeOffset EffectiveDate => Published ?? FirstSeenAt;
}
