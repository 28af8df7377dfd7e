namespace FeedAggregator.Model;

/// <summary>
/// What a feed's last parsed document said about how often it posts: the date of the oldest
/// entry sampled and how many entries were sampled from it up to now.
/// </summary>
public sealed record PostingSample(DateTimeOffset Since, int Entries);
