using FeedAggregator.Model;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// When a feed is polled next: its interval after a success; after failures an exponential
/// backoff (interval x 2^(n-1), capped, with up to 20% jitter seeded by the feed id so that
/// failing feeds do not retry in lockstep), and never before a server's Retry-After.
/// </summary>
public sealed class PollSchedule(IOptions<PollingOptions> options)
{
    public TimeSpan IntervalOf(Feed feed) => feed.Interval ?? options.Value.DefaultInterval;

    public DateTimeOffset AfterSuccess(Feed feed, DateTimeOffset now) => now + IntervalOf(feed);

    public DateTimeOffset AfterFailure(Feed feed, int consecutiveErrors, DateTimeOffset now, DateTimeOffset? retryAfter)
    {
        var interval = IntervalOf(feed);
        var exponent = Math.Min(Math.Max(consecutiveErrors - 1, 0), 20);
        var backoff = TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << exponent), options.Value.MaxBackoff.Ticks));
        var jitter = new Random(unchecked((int)feed.Id * 31 + consecutiveErrors)).NextDouble() * 0.2;
        var next = now + backoff + backoff * jitter;
        return retryAfter is { } after && after > next ? after : next;
    }
}
