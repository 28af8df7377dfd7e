using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;

namespace FeedAggregator.Publishing;

/// <summary>The publishing stage's instruments: each rendering and its time, by what was rendered.</summary>
public sealed class PublishMetrics(IMeterFactory meters)
{
    private readonly Histogram<double> _renders = Metering.Create(meters).CreateHistogram(
        "feedagg.publish.render.duration", "s",
        "Renderings and their time: 'feeds' (the merged feed in every format, after a change), 'view' (a filtered or paged view), 'status' (the /status page).",
        advice: Metering.Seconds);

    public void Rendered(string what, TimeSpan elapsed) => _renders.Record(elapsed.TotalSeconds, Metering.Tag("what", what));
}
