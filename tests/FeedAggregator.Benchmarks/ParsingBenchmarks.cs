using System.Text.Json;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FeedAggregator.Parsing;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// What parsing a feed costs over the floor of merely reading its syntax: RSS 2.0, Atom 1.0 and
/// JSON Feed documents of 20 and 500 entries. The baseline is a plain XmlReader pass over the same
/// bytes (for JSON Feed, whose bytes are not XML, a plain Utf8JsonReader pass).
/// Run: dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- --filter '*ParsingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class ParsingBenchmarks
{
    private byte[] _document = [];

    [Params("rss20", "atom10", "json11")]
    public string Format { get; set; } = "rss20";

    [Params(20, 500)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _document = BenchmarkDocuments.Build(Format, Entries);

    [Benchmark(Baseline = true)]
    public int SyntaxOnlyPass() => Format == "json11" ? JsonPass(_document) : XmlReaderPass(_document);

    [Benchmark]
    public int FeedParserParse() => FeedParser.Default.Parse(_document).Feed!.Entries.Count;

    private static int XmlReaderPass(byte[] document)
    {
        using var reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    private static int JsonPass(byte[] document)
    {
        var reader = new Utf8JsonReader(document);
        var tokens = 0;
        while (reader.Read())
            tokens++;
        return tokens;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.EntriesPerSecond);
    }
}
