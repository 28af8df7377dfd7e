using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;

namespace FeedAggregator.Parsing;

/// <summary>The parsing stage's instruments: documents that could not be read, by format.</summary>
public sealed class ParseMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _errors = Metering.Create(meters).CreateCounter<long>(
        "feedagg.parse.errors", "{document}", "Documents that could not be parsed, by format (json or xml when the format was not recognised).");

    /// <param name="family">"json", "xml" or "unknown": what the document looked like when its format is not known.</param>
    public void Failed(FeedFormat? format, string family) =>
        _errors.Add(1, Metering.Tag("format", format?.ToString().ToLowerInvariant() ?? family));
}
