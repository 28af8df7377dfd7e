using System.Net.Http.Headers;

namespace FeedAggregator.Fetching;

/// <summary>Turns a Retry-After header (delta seconds or HTTP date) into a UTC instant.</summary>
internal static class RetryAfter
{
    /// <summary>A server asking for more than this is capped: a feed is never parked for months.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    /// <summary>Null when absent or absurd (negative, a date in the past); capped at <see cref="Max"/>.</summary>
    public static DateTimeOffset? Resolve(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date - now);
        if (delay is not { } wait || wait < TimeSpan.Zero)
        {
            return null;
        }

        return now + (wait > Max ? Max : wait);
    }
}
