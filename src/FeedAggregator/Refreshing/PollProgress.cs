namespace FeedAggregator.Refreshing;

/// <summary>
/// How far a poll cycle is: reported once when the due feeds are known (<paramref name="Latest"/>
/// null), then once per feed stored, from the cycle's single writer.
/// </summary>
/// <param name="Failed">Feeds that ended in an error or gone so far (held feeds are not failures).</param>
public readonly record struct PollProgress(int Total, int Done, int Failed, RefreshResult? Latest);
