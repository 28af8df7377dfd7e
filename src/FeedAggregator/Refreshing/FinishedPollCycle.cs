namespace FeedAggregator.Refreshing;

/// <summary>One finished poll cycle of this process: when it ran, for how long, and over how many feeds.</summary>
public sealed record FinishedPollCycle(DateTimeOffset Started, TimeSpan Duration, int Polled, int Failed);
