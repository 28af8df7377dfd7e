namespace FeedAggregator.Subscriptions;

/// <summary>How far an OPML import is: the file read (its feeds, the new ones among them), then the new ones subscribed.</summary>
public readonly record struct ImportProgress(int Total, int New, bool Subscribed);
