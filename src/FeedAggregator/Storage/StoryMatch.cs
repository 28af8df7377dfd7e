namespace FeedAggregator.Storage;

/// <summary>The story a new article joins, how it was matched and how closely.</summary>
internal sealed record StoryMatch(long StoryId, string Match, double Score);
