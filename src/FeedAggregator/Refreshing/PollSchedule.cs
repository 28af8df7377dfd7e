using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.WebSub;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Refreshing;

/// <summary>
/// When a feed is polled next. After a success: its OPML interval, else a quarter of the mean gap
/// between its posts (<see cref="PostingRate"/>), else the default; raised by the feed's own hints
/// (ttl, sy:updatePeriod, Cache-Control max-age, Expires); clamped to [MinInterval, MaxInterval];
/// raised to WebSub:FallbackInterval while its pushes are relied on; then moved out of its
/// skipHours / skipDays. After failures an exponential backoff (interval x 2^(n-1), capped, with
/// up to 20% jitter seeded by the feed id so that failing feeds do not retry in lockstep), and
/// never before a server's Retry-After.
/// </summary>
public sealed class PollSchedule(IOptions<PollingOptions> options, IOptions<WebSubOptions>? webSub = null)
{
    /// <summary>A new entry waits at most this share of the mean gap between posts.</summary>
    public const int GapDivisor = 4;

    /// <summary>The interval failures back off from and overdue feeds spread over: configured, else the default.</summary>
    public TimeSpan IntervalOf(Feed feed) => feed.Interval ?? options.Value.DefaultInterval;

    /// <summary>A quarter of the mean gap between the feed's posts, or null when its dates did not tell.</summary>
    public static TimeSpan? PostingIntervalOf(Feed feed, DateTimeOffset now) =>
        feed.Posting is { } sample ? PostingRate.MeanGap(sample, now) / GapDivisor : null;

    /// <summary>The interval after a success at <paramref name="now"/>.</summary>
    public TimeSpan SuccessIntervalOf(Feed feed, DateTimeOffset now)
    {
        var settings = options.Value;
        var interval = feed.Interval ?? PostingIntervalOf(feed, now) ?? settings.DefaultInterval;
        if (feed.Hint is { } hint && hint > interval)
            interval = hint;
        interval = interval < settings.MinInterval ? settings.MinInterval : interval > settings.MaxInterval ? settings.MaxInterval : interval;
        if (IsPushed(feed, now) && webSub!.Value.FallbackInterval > interval)
            interval = webSub.Value.FallbackInterval;
        return interval;
    }

    /// <summary>The feed's pushes are relied on (WebSub on, subscription verified, no miss since pushes last worked).</summary>
    public bool IsPushed(Feed feed, DateTimeOffset now) => webSub?.Value.Active == true && feed.IsPushed(now);

    public DateTimeOffset AfterSuccess(Feed feed, DateTimeOffset now, PollHints? hints = null)
    {
        var next = now + SuccessIntervalOf(feed, now);
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
