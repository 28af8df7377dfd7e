using FeedAggregator.Refreshing;

namespace FeedAggregator.Publishing;

/// <summary>What /status shows beside the feeds: new articles per hour (by the start of the hour) and the last poll cycle.</summary>
public sealed record StatusActivity(IReadOnlyDictionary<DateTimeOffset, int> NewByHour, FinishedPollCycle? LastCycle);
