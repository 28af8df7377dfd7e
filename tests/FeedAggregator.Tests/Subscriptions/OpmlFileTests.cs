using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Subscriptions;

public sealed class OpmlFileTests
{
    private static string Fixture(string name) => TestFiles.Path("Subscriptions", name);

    [Fact]
    public void Reads_feeds_folders_titles_and_intervals()
    {
        var subscriptions = OpmlFile.Read(Fixture("nested.opml"));

        Assert.Equal(
            [
                new Subscription("https://loose.example/rss", "Loose feed"),
                new Subscription("https://tech.example/atom.xml", "Text only", "Tech", "https://tech.example/", TimeSpan.FromMinutes(90)),
                new Subscription("https://deep.example/feed", "Deep", "Inner folder"),
            ],
            subscriptions);
    }

    [Fact]
    public void Written_opml_reads_back_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"feedagg-{Guid.NewGuid():N}.opml");
        try
        {
            Subscription[] list =
            [
                new("https://a.example/feed", "A & B"),
                new("https://b.example/feed", null, "News", "https://b.example/", TimeSpan.FromMinutes(15)),
            ];
            OpmlFile.Write(path, list);
            Assert.Equal(list, OpmlFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<opml><body><outline xmlUrl=\"ftp://x.example/\"/></body></opml>", "not an absolute http(s) URL")]
    [InlineData("<opml><body><outline xmlUrl=\"https://x.example/\" feedaggInterval=\"soon\"/></body></opml>", "not a number of minutes")]
    [InlineData("<html><body/></html>", "not OPML")]
    [InlineData("<opml><body><outline", "not well-formed")]
    public void Broken_files_fail_with_a_clear_message(string content, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"feedagg-{Guid.NewGuid():N}.opml");
        File.WriteAllText(path, content);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => OpmlFile.Read(path));
            Assert.Contains(message, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
