using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;

namespace FeedAggregator.Refreshing;

/// <summary>The poll cycle's instruments: polls by outcome, cycles and their duration, hosts that asked us to wait.</summary>
public sealed class PollMetrics
{
    private readonly Counter<long> _polls;
    private readonly Histogram<double> _cycles;
    private readonly Counter<long> _holds;

    public PollMetrics(IMeterFactory meters)
    {
        var meter = Metering.Create(meters);
        _polls = meter.CreateCounter<long>("feedagg.polls", "{poll}",
            "Feed polls by outcome: new, not_modified, unchanged_body, error (with its class in 'error'), gone, held.");
        _cycles = meter.CreateHistogram("feedagg.poll.cycle.duration", "s",
            "Time of one poll cycle over the feeds that were due.", advice: Metering.Seconds);
        _holds = meter.CreateCounter<long>("feedagg.host.holds", "{hold}",
            "Retry-After answers (429, 503) that held a host's feeds.");
    }

    public void Polled(PollOutcome outcome)
    {
        if (outcome.ErrorClass is { } errorClass)
            _polls.Add(1, Metering.Tag("outcome", outcome.Name), Metering.Tag("error", errorClass));
        else
            _polls.Add(1, Metering.Tag("outcome", outcome.Name));
    }

    public void CycleEnded(TimeSpan duration) => _cycles.Record(duration.TotalSeconds);

    public void HostHeld() => _holds.Add(1);
}
