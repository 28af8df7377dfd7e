namespace FeedAggregator.Publishing;

/// <summary>Every rendered document of one store version, by file name.</summary>
public sealed record PublishedSnapshot(long StoreVersion, IReadOnlyDictionary<string, PublishedDocument> Documents);
