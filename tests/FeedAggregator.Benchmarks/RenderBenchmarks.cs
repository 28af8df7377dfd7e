using BenchmarkDotNet.Attributes;
using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// One full render of the merged feed (50 stories, as Publishing:ItemCount's default) in each
/// format. A render happens once per store version (and once per filtered view asked for), not
/// per request: this is what a poll that changed the store costs in publishing.
/// Run: dotnet run -c Release --project tests/FeedAggregator.Benchmarks -- --filter '*RenderBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private static readonly AtomFeedWriter Atom = new();
    private static readonly RssFeedWriter Rss = new();
    private static readonly JsonFeedWriter Json = new();
    private static readonly HtmlPageWriter Html = new();

    private readonly MergedFeed _feed = BenchmarkFeed.Build(50);

    [Benchmark]
    public int AtomRender() => Atom.Write(_feed).Length;

    [Benchmark]
    public int RssRender() => Rss.Write(_feed).Length;

    [Benchmark]
    public int JsonRender() => Json.Write(_feed).Length;

    [Benchmark]
    public int HtmlRender() => Html.Write(_feed).Length;
}

/// <summary>A deterministic merged feed: every third item Arabic, enclosures, authors, categories, other reports.</summary>
public static class BenchmarkFeed
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static MergedFeed Build(int items) => new()
    {
        Title = "FeedAggregator",
        Description = "Every subscribed feed, merged: newest first, each article once.",
        BaseUrl = new Uri("http://localhost:5080/"),
        Id = MergedFeedQuery.FeedId,
        Updated = Start.AddHours(items),
        Items = [.. Enumerable.Range(0, items).Select(Item)],
        Navigation = new FeedNavigation(First: "", Last: "?page=3", Next: "?page=2"),
    };

    private static MergedItem Item(int i)
    {
        var arabic = i % 3 == 0;
        var source = new ArticleSource($"tag:feedaggregator,2026:source:{i % 7}", $"https://outlet{i % 7}.example/feed", $"Outlet {i % 7}", $"https://outlet{i % 7}.example/");
        var paragraph = arabic
            ? $"<p>أعلنت البلدية اليوم عن خطة جديدة للنقل العام في المدينة القديمة، وقال المسؤولون إن العمل سيبدأ الشهر المقبل ({i}).</p>"
            : $"<p>The council voted on Tuesday to extend <a href=\"https://outlet.example/{i}\">night buses</a> to the harbour district, story {i}.</p>";
        var article = new Article
        {
            Id = i + 1,
            Key = $"guid:{i}",
            PublicId = $"tag:feedaggregator,2026:{i:x16}",
            Url = $"https://outlet{i % 7}.example/2024/03/story-{i}?page=1",
            Title = arabic ? $"إعادة افتتاح المكتبة العامة في المدينة القديمة {i}" : $"Night buses & trams extended to the harbour district, part {i}",
            SummaryHtml = paragraph,
            ContentHtml = string.Concat(Enumerable.Repeat(paragraph, 8)),
            Authors = i % 2 == 0 ? ["Jane Doe", "Omar Haddad"] : [],
            Categories = ["Transport", "City council"],
            Enclosures = i % 4 == 0 ? [new Enclosure($"https://outlet.example/audio/{i}.mp3", "audio/mpeg", 1_000_000 + i)] : [],
            Published = i % 10 == 9 ? null : Start.AddHours(-i),
            Language = arabic ? "ar" : "en",
            ContentHash = "h",
            FirstSeenAt = Start.AddHours(-i + 1),
            LastChangedAt = Start.AddHours(-i + 1),
        };
        return new MergedItem(article, source)
        {
            AlsoReportedBy = i % 5 == 0 ? [new AlsoReported(source with { Title = "Wire" }, $"https://wire.example/{i}", "Copy")] : [],
        };
    }
}
