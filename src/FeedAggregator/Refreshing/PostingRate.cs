using FeedAggregator.Model;

namespace FeedAggregator.Refreshing;

/// <summary>
/// How often a feed posts, read from the dates of its entries: the sample is the entries of the
/// last 30 days or, when those are fewer, the newest 20. The mean gap is the time from the oldest
/// sampled entry to now over the gaps that followed it, so a feed that stops posting drifts
/// towards rarer polls even while its server answers "not modified".
/// </summary>
public static class PostingRate
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const int MinEntries = 20;

    /// <summary>
    /// Dates up to a day ahead are clock skew or a time zone written wrong, and count as now;
    /// later ones are no publication dates (scheduled posts, a wrong year) and are left out.
    /// </summary>
    public static readonly TimeSpan Skew = TimeSpan.FromDays(1);

    /// <summary>
    /// The sample, or null when the dates tell no rate: none is usable, or several entries share
    /// the only date (a generator that stamps every entry with the time it wrote the feed). A
    /// single dated entry is a sample of one: the feed posted once in all the time since.
    /// </summary>
    public static PostingSample? Sample(IEnumerable<DateTimeOffset?> dates, DateTimeOffset now)
    {
        var usable = dates.OfType<DateTimeOffset>()
            .Where(d => d <= now + Skew)
            .Select(d => d > now ? now : d)
            .OrderDescending()
            .ToList();
        if (usable.Count == 0 || (usable.Count > 1 && usable[0] == usable[^1]))
            return null;
        var recent = usable.Count(d => d >= now - Window);
        var entries = Math.Max(recent, Math.Min(MinEntries, usable.Count));
        return new PostingSample(usable[entries - 1], entries);
    }

    /// <summary>The mean time between two posts, as of <paramref name="now"/> (for a sample of one, the time since that post).</summary>
    public static TimeSpan MeanGap(PostingSample sample, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var span = now > sample.Since ? now - sample.Since : TimeSpan.Zero;
        return span / Math.Max(sample.Entries - 1, 1);
    }
}
