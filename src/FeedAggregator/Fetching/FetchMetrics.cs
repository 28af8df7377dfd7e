using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;

namespace FeedAggregator.Fetching;

/// <summary>The fetching stage's instruments: how long fetches take and how large the documents are.</summary>
public sealed class FetchMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _bodySize;

    public FetchMetrics(IMeterFactory meters)
    {
        var meter = Metering.Create(meters);
        _duration = meter.CreateHistogram("feedagg.fetch.duration", "s",
            "Time of one fetch, redirects and body included, by outcome.", advice: Metering.Seconds);
        _bodySize = meter.CreateHistogram("feedagg.fetch.body.size", "By",
            "Size of the documents received (after decompression).", advice: Metering.Bytes);
    }

    public void Fetched(FetchResult result, TimeSpan elapsed)
    {
        _duration.Record(elapsed.TotalSeconds, Metering.Tag("outcome", OutcomeName(result.Outcome)));
        if (result.Body is { } body)
            _bodySize.Record(body.Length);
    }

    internal static string OutcomeName(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Content => "content",
        FetchOutcome.NotModified => "not_modified",
        FetchOutcome.Gone => "gone",
        _ => "failed",
    };
}
