namespace FeedAggregator.Fetching;

/// <summary>What to fetch, with the validators from the last successful fetch.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null);
