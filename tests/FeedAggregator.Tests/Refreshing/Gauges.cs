using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Reads every observable gauge of one provider's FeedAggregator meter, as a scrape would.</summary>
internal sealed class Gauges(IServiceProvider services)
{
    /// <summary>Every instrument of the meter, by name, as an exporter sees it: its unit and help text.</summary>
    public IReadOnlyDictionary<string, (string? Unit, string? Description)> Instruments()
    {
        var meter = Metering.Create(services.GetRequiredService<IMeterFactory>());
        var found = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
                found[instrument.Name] = (instrument.Unit, instrument.Description);
        };
        listener.Start();
        return found;
    }

    public Reading Read()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var meter = Metering.Create(factory);
        var values = new List<(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => values.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => values.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => values.Add((i.Name, v, Tags(tags))));
        listener.Start();
        listener.RecordObservableInstruments();
        return new Reading(values);
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
            result[tag.Key] = tag.Value?.ToString();
        return result;
    }

    internal sealed record Reading(List<(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)> Values)
    {
        public bool Has(string instrument) => Values.Any(v => v.Instrument == instrument);

        public double Single(string instrument) => Values.Single(v => v.Instrument == instrument).Value;

        public double Of(string instrument, string tag, string value) =>
            Values.Single(v => v.Instrument == instrument && v.Tags.GetValueOrDefault(tag) == value).Value;

        public IEnumerable<string?> Tags(string instrument, string tag) =>
            Values.Where(v => v.Instrument == instrument).Select(v => v.Tags.GetValueOrDefault(tag));
    }
}
