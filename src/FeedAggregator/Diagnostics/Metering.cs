using System.Diagnostics.Metrics;

namespace FeedAggregator.Diagnostics;

/// <summary>
/// The one meter every stage records on (System.Diagnostics.Metrics: the library knows no
/// exporter; the service adds OpenTelemetry's Prometheus exporter for this meter's name).
/// </summary>
public static class Metering
{
    public const string MeterName = "FeedAggregator";

    /// <summary>Bucket bounds for durations in seconds: a fast 304 to a slow poll cycle.</summary>
    public static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    };

    /// <summary>Bucket bounds for document sizes in bytes, 1 KiB to 16 MiB (the default body cap).</summary>
    public static readonly InstrumentAdvice<long> Bytes = new()
    {
        HistogramBucketBoundaries = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216],
    };

    /// <summary>The shared meter: the factory hands every caller the same instance for one name.</summary>
    public static Meter Create(IMeterFactory factory) => factory.Create(MeterName);

    internal static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
