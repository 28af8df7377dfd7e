using System.Text;
using BenchmarkDotNet.Attributes;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml.Recovery;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// What the recovery path costs on a 1 MB RSS document (960 entries) that needs it, against the
/// same document well-formed (the baseline): broken early (content: and dc: used without their
/// xmlns, so the strict reading stops at the first item) and broken late (one control character
/// in the last item, so the strict reading has done nearly all its work when it fails). The
/// rewrite alone is measured too.
/// Run: dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- --filter '*RecoveryBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class RecoveryBenchmarks
{
    private const int Entries = 960;
    private byte[] _wellFormed = [];
    private byte[] _brokenEarly = [];
    private byte[] _brokenLate = [];
    private string _brokenEarlyText = "";

    [GlobalSetup]
    public void Setup()
    {
        _wellFormed = BenchmarkDocuments.Build("rss20", Entries);
        var text = Encoding.UTF8.GetString(_wellFormed);
        _brokenEarlyText = text
            .Replace(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"", "", StringComparison.Ordinal)
            .Replace(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", "", StringComparison.Ordinal);
        _brokenEarly = Encoding.UTF8.GetBytes(_brokenEarlyText);
        var last = text.LastIndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        _brokenLate = Encoding.UTF8.GetBytes(text.Insert(last, "\b"));
        if (_wellFormed.Length < 1_000_000 || !Parse(_brokenEarly).Recovered || !Parse(_brokenLate).Recovered)
            throw new InvalidOperationException("the documents are not what this benchmark measures");
    }

    [Benchmark(Baseline = true)]
    public int WellFormed() => Parse(_wellFormed).Entries.Count;

    [Benchmark]
    public int BrokenEarly() => Parse(_brokenEarly).Entries.Count;

    [Benchmark]
    public int BrokenLate() => Parse(_brokenLate).Entries.Count;

    [Benchmark]
    public int RewriteOnly()
    {
        using var recovered = TolerantXml.Rewrite(_brokenEarlyText, long.MaxValue);
        return recovered!.Text.Length;
    }

    private static ParsedFeed Parse(byte[] document) => FeedParser.Default.Parse(document).Feed!;
}
