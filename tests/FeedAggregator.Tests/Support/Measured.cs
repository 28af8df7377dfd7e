using FeedAggregator.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FeedAggregator.Tests.Support;

/// <summary>Reads one instrument of the FeedAggregator meter of one service provider (so parallel tests never see each other's counts).</summary>
internal static class Measured
{
    public static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), Metering.MeterName, instrument);

    /// <summary>The sum of the measurements whose tags include every one of <paramref name="tags"/>.</summary>
    public static long Sum(MetricCollector<long> collector, params (string Key, string Value)[] tags) =>
        collector.GetMeasurementSnapshot()
            .Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value)))
            .Sum(m => m.Value);
}
