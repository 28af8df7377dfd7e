namespace FeedAggregator.Publishing;

/// <summary>One rendered output, ready to serve: the bytes and their HTTP validators.</summary>
/// <param name="ETag">A strong validator, quoted, from the content's hash.</param>
/// <param name="LastModified">The newest change in the content, UTC, whole seconds.</param>
public sealed record PublishedDocument(FeedDocument Document, byte[] Content, string ETag, DateTimeOffset LastModified);
