using System.Text;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>A story's other sources are linked from its one entry, in every format.</summary>
public sealed class AlsoReportedByTests
{
    public static TheoryData<string> Formats() => ["atom", "rss", "json", "html"];

    private static IFeedWriter Writer(string format) => format switch
    {
        "atom" => new AtomFeedWriter(),
        "rss" => new RssFeedWriter(),
        "json" => new JsonFeedWriter(),
        _ => new HtmlPageWriter(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_other_sources_are_named_and_linked_once(string format)
    {
        var item = PublishingSamples.English() with
        {
            AlsoReportedBy = [new AlsoReported(PublishingSamples.ArabicNews, "https://akhbar.example.net/buses?a=1&b=2", "حافلات")],
        };

        var text = Encoding.UTF8.GetString(Writer(format).Write(PublishingSamples.Feed(item)));

        Assert.Contains("Also reported by", text);
        Assert.Contains("akhbar.example.net/buses", text);
        Assert.Contains("أخبار المدينة", text);
    }

    [Fact]
    public void A_story_with_one_source_shows_no_such_line()
    {
        var text = Encoding.UTF8.GetString(new AtomFeedWriter().Write(PublishingSamples.Feed(PublishingSamples.English())));
        Assert.DoesNotContain("Also reported by", text);
    }
}
