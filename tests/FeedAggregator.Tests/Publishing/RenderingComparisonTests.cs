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
/// read back with real parsers. The current renderings are written to bin/.../rendered/.
/// </summary>
public sealed class RenderingComparisonTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, byte[]>>> Rendered = new(RenderAsync);

    public static TheoryData<string> Files => ["merged.atom", "merged.rss", "merged.json", "view.atom", "view.rss", "view.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_entry_reads_as_before(string file)
    {
        var beforePath = Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", "Before", file);
        Assert.True(File.Exists(beforePath), $"{beforePath} is missing (the current rendering is in bin/.../rendered/{file})");
        var before = RenderedFields.Read(file, await File.ReadAllBytesAsync(beforePath));
        var after = RenderedFields.Read(file, (await Rendered.Value)[file]);

        Assert.Equal(before.Entries.Select(e => e["id"]), after.Entries.Select(e => e["id"]));
        Assert.Equal(RenderedFields.Describe(before.Feed), RenderedFields.Describe(after.Feed));
        for (var i = 0; i < before.Entries.Count; i++)
        {
            Assert.Equal(RenderedFields.Describe(before.Entries[i]), RenderedFields.Describe(after.Entries[i]));
        }
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
