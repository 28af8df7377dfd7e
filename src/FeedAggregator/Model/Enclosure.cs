namespace FeedAggregator.Model;

/// <summary>A media file attached to an article (RSS enclosure, Atom rel="enclosure", JSON attachment).</summary>
public sealed record Enclosure(string Url, string? Type, long? Length);
