using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>One story: its earliest article with the feed it came from, and the other reports of it.</summary>
public sealed record StoredStory(Article Primary, Feed Source, IReadOnlyList<(Article Article, Feed Source)> Others);
