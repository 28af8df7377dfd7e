namespace FeedAggregator.Storage;

/// <summary>What a save needs of a stored article to decide whether to write it.</summary>
internal sealed record StoredKey(long Id, string ContentHash, string? RawHash, byte[]? Fingerprint);
