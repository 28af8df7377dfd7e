using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Seeding;

namespace FeedAggregator.Tests.Stories;

/// <summary>
/// The labelled set in TestData/Stories: files named "seed-*" are one story (the seed and its
/// variants), "wire-en-*" another (a wire story and its edited copies); every "other-*" file
/// is an article of its own about the same event.
/// </summary>
internal static class StoryFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "Stories");

    public static IReadOnlyList<string> Names { get; } =
        Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The story a fixture belongs to, by its name.</summary>
    public static string Label(string name) =>
        name.StartsWith("seed-", StringComparison.Ordinal) ? "seed"
        : name.StartsWith("wire-en-", StringComparison.Ordinal) ? "wire"
        : name;

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    /// <summary>The fixture as a processed article, as a feed with this id and link would give it.</summary>
    public static Article Article(string name, long feedId, string? link = null, string? id = null)
    {
        var entry = SeedDocument.Read(Text(name))! with { Id = id ?? "urn:fixture:" + name, Link = link };
        var feed = new ParsedFeed { Format = FeedFormat.Rss20, Title = "fixtures", Entries = [entry] };
        return new ArticleProcessor(new ContentSanitizer()).Process(feed, documentUrl: null, feedId).Single();
    }
}
