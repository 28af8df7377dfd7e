using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedAggregator.Tests.Publishing;

/// <summary>
/// The renderings of <see cref="FixtureStore"/> compared, entry by entry, with the ones the
/// hand-written writers produced (TestData/Publishing/Before, generated before the writers moved
/// to System.ServiceModel.Syndication): the same entries in the same order with the same fields,
/// read back with real parsers, except the fixes of issue 14 that <see cref="Expected"/> lists.
/// The current renderings are written to bin/.../rendered/.
/// </summary>
public sealed class RenderingComparisonTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, byte[]>>> Rendered = new(RenderAsync);

    public static TheoryData<string> Files => ["merged.atom", "merged.rss", "merged.json", "view.atom", "view.rss", "view.json"];

    /// <summary>Titles a source escaped twice: their entities are decoded once, in every format.</summary>
    private static readonly Dictionary<string, string> DecodedTitles = new(StringComparer.Ordinal)
    {
        ["Don&#8217;t panic: the Q&amp;A on upgrades"] = "Don\u2019t panic: the Q&A on upgrades",
        ["Caf\u00e9 culture \u2014 a <i>long</i> read &hellip;"] = "Caf\u00e9 culture \u2014 a <i>long</i> read \u2026",
    };

    /// <summary>
    /// Relative URLs in content, now absolute against the article's page (else its source's home
    /// page); and the "Also reported by" link to a home page that is not a URL, now plain text.
    /// </summary>
    private static readonly (string Before, string After)[] AbsoluteUrls =
    [
        ("href=\"/docs/upgrade\"", "href=\"https://blog.example.org/docs/upgrade\""),
        ("src=\"img/chart.png\"", "src=\"https://blog.example.org/posts/img/chart.png\""),
        ("href=\"#fn1\"", "href=\"https://blog.example.org/posts/2#fn1\""),
        ("srcset=\"small.png 1x,", "srcset=\"https://blog.example.org/posts/small.png 1x,"),
        ("href=\"../archive/\"", "href=\"https://blog.example.org/archive/\""),
        ("poster=\"p.jpg\" src=\"v.mp4\"", "poster=\"https://blog.example.org/p.jpg\" src=\"https://blog.example.org/v.mp4\""),
        ("<a href=\"wire.example.com/home\">Wire Service</a>", "Wire Service"),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_entry_reads_as_before_but_for_the_listed_fixes(string file)
    {
        var before = Before(file);
        var after = RenderedFields.Read(file, (await Rendered.Value)[file]);

        Assert.Equal(before.Entries.Select(e => e["id"]), after.Entries.Select(e => e["id"]));
        Assert.Equal(RenderedFields.Describe(before.Feed), RenderedFields.Describe(after.Feed));
        for (var i = 0; i < before.Entries.Count; i++)
        {
            Assert.Equal(RenderedFields.Describe(Expected(before.Entries[i])), RenderedFields.Describe(after.Entries[i]));
        }
    }

    /// <summary>What changed on purpose (issue 14, item 3), applied to an entry as it was.</summary>
    private static SortedDictionary<string, string> Expected(SortedDictionary<string, string> before)
    {
        var expected = new SortedDictionary<string, string>(before, StringComparer.Ordinal);

        // Every entry has a date: an undated one, the time it was first seen (RSS already had it).
        if (expected["published"].Length == 0)
        {
            var firstSeen = expected["title"].StartsWith("Undated", StringComparison.Ordinal) ? FixtureStore.UndatedSeenAt : FixtureStore.SeedsSeenAt;
            expected["published"] = firstSeen.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        expected["title"] = DecodedTitles.GetValueOrDefault(expected["title"], expected["title"]);
        foreach (var field in new[] { "summary", "content" })
        {
            expected[field] = AbsoluteUrls.Aggregate(expected[field], (html, fix) => html.Replace(fix.Before, fix.After, StringComparison.Ordinal));
        }

        // A source's home page is given only when it is a URL (the OPML's "wire.example.com/home" is not).
        expected["source"] = expected["source"].Replace("alternate wire.example.com/home | ", "", StringComparison.Ordinal);

        return expected;
    }

    private static RenderedFields Before(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", "Before", file);
        Assert.True(File.Exists(path), $"{path} is missing (the current rendering is in bin/.../rendered/{file})");
        return RenderedFields.Read(file, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task The_fixture_store_has_what_the_comparison_needs()
    {
        var merged = RenderedFields.Read("merged.json", (await Rendered.Value)["merged.json"]).Entries;

        Assert.True(merged.Count >= 50, $"{merged.Count} entries");
        Assert.Contains(merged, e => e["language"] == "ar");
        Assert.Contains(merged, e => e["language"] == "en");
        Assert.Contains(merged, e => e["enclosures"].Contains(" | ", StringComparison.Ordinal));
        Assert.Contains(merged, e => e["categories"].Length > 0);
        Assert.Equal(4, merged.Count(e => e["content"].Contains("Also reported by", StringComparison.Ordinal)));
        Assert.Contains(merged, e => e["title"].StartsWith("Undated", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyDictionary<string, byte[]>> RenderAsync()
    {
        var cancel = CancellationToken.None;
        await using var db = await FixtureStore.BuildAsync();
        var options = Options.Create(new PublishingOptions { Title = "FeedAggregator", ItemCount = 100, WebSubHub = "https://hub.example.test/" });
        var time = new FakeTimeProvider(FixtureStore.UndatedSeenAt.AddDays(1));
        var views = new FeedViewQuery(db.Articles, options, time);
        var merged = await new MergedFeedQuery(db.Articles, options, time).GetAsync(FixtureStore.BaseUrl, cancel);
        merged = merged with { Navigation = await views.DefaultNavigationAsync(cancel) };
        var view = await views.GetAsync(new FeedView(new ArticleFilter(Language: "en"), 10, Page: 2, LimitGiven: true), FixtureStore.BaseUrl, cancel);

        IFeedWriter[] writers = [new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter()];
        var rendered = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "rendered"));
        foreach (var writer in writers)
        {
            var extension = Path.GetExtension(writer.Document.FileName);
            rendered["merged" + extension] = writer.Write(merged);
            rendered["view" + extension] = writer.Write(view);
        }

        foreach (var (name, bytes) in rendered)
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, name), bytes, cancel);
        return rendered;
    }
}
