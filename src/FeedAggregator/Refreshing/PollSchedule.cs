using FeedAggregator.Model;
using FeedAggregator.Parsing;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// When a feed is polled next. After a success: its interval, raised by the feed's own hints
/// (ttl, sy:updatePeriod, Cache-Control max-age, Expires), clamped to [5 min, 24 h], then moved
/// out of its skipHours / skipDays. After failures an exponential backoff (interval x 2^(n-1),
/// capped, with up to 20% jitter seeded by the feed id so that failing feeds do not retry in
/// lockstep), and never before a server's Retry-After.
/// </summary>
public sealed class PollSchedule(IOptions<PollingOptions> options)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(24);

    public TimeSpan IntervalOf(Feed feed) => feed.Interval ?? options.Value.DefaultInterval;

    /// <summary>The interval after a success: configured, raised by the hint, clamped.</summary>
    public TimeSpan SuccessIntervalOf(Feed feed)
    {
        var interval = IntervalOf(feed);
        if (feed.Hint is { } hint && hint > interval)
            interval = hint;
        return interval < MinInterval ? MinInterval : interval > MaxInterval ? MaxInterval : interval;
    }

    public DateTimeOffset AfterSuccess(Feed feed, DateTimeOffset now, PollHints? hints = null)
    {
        var next = now + SuccessIntervalOf(feed);
        if (hints is null || (hints.SkipHours.Count == 0 && hints.SkipDays.Count == 0))
            return next;

        // Move to the start of the next hour the feed allows (hours and days are UTC, as RSS says);
        // a feed that skips every hour is polled at its interval regardless.
        var candidate = next.ToUniversalTime();
        for (var i = 0; i < 24 * 7; i++)
        {
            if (!hints.SkipHours.Contains(candidate.Hour) && !hints.SkipDays.Contains(candidate.DayOfWeek))
                return candidate;
            candidate = new DateTimeOffset(candidate.Year, candidate.Month, candidate.Day, candidate.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        }

        return next;
    }

    public DateTimeOffset AfterFailure(Feed feed, int consecutiveErrors, DateTimeOffset now, DateTimeOffset? retryAfter)
    {
        var interval = IntervalOf(feed);
        var exponent = Math.Min(Math.Max(consecutiveErrors - 1, 0), 20);
        var backoff = TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << exponent), options.Value.MaxBackoff.Ticks));
        var next = now + backoff + backoff * Jitter(feed, consecutiveErrors);
        return retryAfter is { } after && after > next ? after : next;
    }

    /// <summary>
    /// Where an overdue feed goes after downtime: somewhere in the next interval, the same place
    /// for the same feed, so that a restart does not fire every feed at once.
    /// </summary>
    public DateTimeOffset Spread(Feed feed, DateTimeOffset now) =>
        now + IntervalOf(feed) * new Random(unchecked((int)feed.Id)).NextDouble();

    private static double Jitter(Feed feed, int consecutiveErrors) =>
        new Random(unchecked((int)feed.Id * 31 + consecutiveErrors)).NextDouble() * 0.2;
}
