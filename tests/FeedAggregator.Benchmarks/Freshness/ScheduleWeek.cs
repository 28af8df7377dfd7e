using System.Globalization;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Benchmarks.Freshness;

/// <summary>
/// A simulated week of polling 1,000 feeds with realistic posting rates, through the real
/// <see cref="PollSchedule"/> and <see cref="PostingRate"/> on a simulated clock, against fixed
/// 30-minute polling of the same posts. Posts arrive as Poisson processes; each feed's document is
/// its newest 20 posts. A feed is added a week before the measured week (its first poll at a
/// random point in its first half hour), so that the schedule has settled; requests are counted
/// and delays (publication to the first poll that sees the post) measured for the measured week.
/// </summary>
public static class ScheduleWeek
{
    private const int DocumentEntries = 20;
    private static readonly DateTimeOffset WeekStart = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Fixed = TimeSpan.FromMinutes(30);

    /// <summary>The mix: a few feeds post hourly, most weekly or rarer.</summary>
    private static readonly (string Name, double Share, TimeSpan MeanGap)[] Classes =
    [
        ("hourly", 0.02, TimeSpan.FromHours(1)),
        ("four a day", 0.05, TimeSpan.FromHours(6)),
        ("daily", 0.13, TimeSpan.FromDays(1)),
        ("weekly", 0.45, TimeSpan.FromDays(7)),
        ("monthly", 0.25, TimeSpan.FromDays(30)),
        ("yearly", 0.10, TimeSpan.FromDays(365)),
    ];

    public static void Run(int feeds, int seed)
    {
        var random = new Random(seed);
        var schedule = new PollSchedule(Options.Create(new PollingOptions()));
        var results = new List<FeedResult>(feeds);
        var id = 0;
        foreach (var (name, share, gap) in Classes)
        {
            var count = (int)Math.Round(feeds * share);
            for (var i = 0; i < count; i++)
                results.Add(Simulate(++id, name, gap, schedule, random));
        }

        Print(results);
    }

    private static FeedResult Simulate(int id, string name, TimeSpan meanGap, PollSchedule schedule, Random random)
    {
        // Posts from long before (a yearly feed's document reaches back years) to after the week.
        var posts = new List<DateTimeOffset>();
        var end = WeekStart + Week + TimeSpan.FromDays(2);
        for (var t = WeekStart - TimeSpan.FromDays(3 * 365); ; )
        {
            t += meanGap * -Math.Log(1 - random.NextDouble());
            if (t > end)
                break;
            posts.Add(t);
        }

        var measured = posts.Where(p => p >= WeekStart && p < WeekStart + Week).ToList();
        var fixedDelays = FixedDelays(measured, WeekStart - Week + Fixed * random.NextDouble());
        var (requests, delays) = Adaptive(id, posts, measured, schedule, WeekStart - Week + Fixed * random.NextDouble());
        return new FeedResult(name, requests, (int)(Week / Fixed), fixedDelays, delays);
    }

    /// <summary>Polls every 30 minutes from <paramref name="first"/>: each post waits for the next poll.</summary>
    private static List<TimeSpan> FixedDelays(List<DateTimeOffset> measured, DateTimeOffset first) =>
        [.. measured.Select(p => Fixed * Math.Ceiling((p - first) / Fixed) - (p - first))];

    /// <summary>Polls when the real schedule says; the document is re-sampled when it has changed, as a 304 keeps the old sample.</summary>
    private static (int Requests, List<TimeSpan> Delays) Adaptive(
        int id, List<DateTimeOffset> posts, List<DateTimeOffset> measured, PollSchedule schedule, DateTimeOffset first)
    {
        var feed = new Feed { Id = id, Url = $"https://feed{id}.example/" };
        var seen = -1;
        var requests = 0;
        var arrivals = new List<DateTimeOffset>();
        for (var now = first; now < WeekStart + Week + TimeSpan.FromDays(2); )
        {
            if (now >= WeekStart && now < WeekStart + Week)
                requests++;
            var newest = posts.BinarySearch(now);
            newest = newest >= 0 ? newest : ~newest - 1;
            if (newest != seen)
            {
                // Every post up to the newest is in the store now; those of the week arrive at this poll.
                for (var i = seen + 1; i <= newest; i++)
                    arrivals.Add(now);
                var document = posts.Skip(Math.Max(0, newest - DocumentEntries + 1)).Take(Math.Min(DocumentEntries, newest + 1));
                feed = feed with { Posting = PostingRate.Sample(document.Select(d => (DateTimeOffset?)d), now) };
                seen = newest;
            }

            now = schedule.AfterSuccess(feed, now);
        }

        var delays = new List<TimeSpan>(measured.Count);
        var offset = posts.IndexOf(measured.FirstOrDefault());
        for (var i = 0; i < measured.Count; i++)
            delays.Add(arrivals[offset + i] - measured[i]);
        return (requests, delays);
    }

    private static void Print(List<FeedResult> results)
    {
        Console.WriteLine($"| feeds | posts in the week | requests, fixed 30 min | requests, posting rate | median delay, fixed | median delay, posting rate | p95 delay, posting rate |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in results.GroupBy(r => r.Class))
            Row($"{group.Count()} {group.Key}", [.. group]);
        Row($"all {results.Count}", results);

        var fixedRequests = results.Sum(r => r.FixedRequests);
        var adaptiveRequests = results.Sum(r => r.Requests);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests: {adaptiveRequests:N0} against {fixedRequests:N0}: {1 - (double)adaptiveRequests / fixedRequests:P1} fewer"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median delay: {Minutes(Percentile(results.SelectMany(r => r.Delays), 0.5))} against {Minutes(Percentile(results.SelectMany(r => r.FixedDelays), 0.5))} with fixed polling"));
    }

    private static void Row(string label, List<FeedResult> group) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {group.Sum(r => r.Delays.Count):N0} | {group.Sum(r => r.FixedRequests):N0} | {group.Sum(r => r.Requests):N0} | " +
            $"{Minutes(Percentile(group.SelectMany(r => r.FixedDelays), 0.5))} | {Minutes(Percentile(group.SelectMany(r => r.Delays), 0.5))} | " +
            $"{Minutes(Percentile(group.SelectMany(r => r.Delays), 0.95))} |"));

    private static TimeSpan? Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    private static string Minutes(TimeSpan? value) => value is { } v
        ? v.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalMinutes:F1} min") : string.Create(CultureInfo.InvariantCulture, $"{v.TotalHours:F1} h")
        : "-";

    private sealed record FeedResult(string Class, int Requests, int FixedRequests, List<TimeSpan> FixedDelays, List<TimeSpan> Delays);
}
