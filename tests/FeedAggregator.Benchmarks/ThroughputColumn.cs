using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// MB/s or entries/s of a parsing benchmark, from its mean time and the size of the document its
/// parameters name (rebuilt here: <see cref="BenchmarkDocuments"/> is deterministic).
/// </summary>
public sealed class ThroughputColumn(bool entries) : IColumn
{
    public static readonly IColumn MegabytesPerSecond = new ThroughputColumn(entries: false);
    public static readonly IColumn EntriesPerSecond = new ThroughputColumn(entries: true);

    public string Id => entries ? "EntriesPerSecond" : "MegabytesPerSecond";
    public string ColumnName => entries ? "Entries/s" : "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => entries ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => entries ? "Feed entries read per second" : "Document megabytes (10^6 bytes) read per second";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var format = benchmarkCase.Parameters["Format"] as string;
        if (meanNs is not > 0 || format is null || benchmarkCase.Parameters["Entries"] is not int count)
            return "-";
        var seconds = meanNs.Value / 1e9;
        return entries
            ? (count / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : (BenchmarkDocuments.Build(format, count).Length / 1e6 / seconds).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
