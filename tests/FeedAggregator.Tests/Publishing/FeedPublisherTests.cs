using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Publishing;

/// <summary>The publisher over a real SQLite store: what it renders, which files it writes, which feeds it pings.</summary>
public sealed class FeedPublisherTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string[] AllFeeds = ["http://feeds.example.test/feed.atom", "http://feeds.example.test/feed.rss", "http://feeds.example.test/feed.json"];

    private PublisherFixture _fixture = null!;

    private TempDatabase Db => _fixture.Db;
    private CapturingLoggerProvider Logs => _fixture.Logs;
    private RecordingHttpClients HubClients => _fixture.HubClients;
    private string Output => _fixture.Output;

    public async Task InitializeAsync() => _fixture = await PublisherFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private Task AddArticleAsync(string key) => _fixture.AddArticleAsync(key);

    private FeedPublisher Publisher(string? output = null, IEnumerable<IFeedWriter>? writers = null) => _fixture.Publisher(output, writers);

    private MetricCollector<double> Renderings() => _fixture.Renderings();

    private IReadOnlyList<CapturedLog> Logged(LogLevel level) => [.. Logs.Entries.Where(e => e.Level == level && e.Category == typeof(FeedPublisher).FullName)];

    [Fact]
    public async Task The_first_publication_writes_every_format_and_pings_the_hub_for_each_feed()
    {
        using var renderings = Renderings();

        var snapshot = await Publisher().PublishAsync(None);

        Assert.Equal(["feed.atom", "feed.json", "feed.rss", "index.html"], snapshot.Documents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(await Db.Articles.GetVersionAsync(None), snapshot.StoreVersion);
        foreach (var document in snapshot.Documents.Values)
            Assert.Equal(document.Content, await File.ReadAllBytesAsync(Path.Combine(Output, document.Document.FileName)));
        Assert.Contains("https://a.example/first", System.Text.Encoding.UTF8.GetString(snapshot.Documents["feed.atom"].Content), StringComparison.Ordinal);
        Assert.Equal(AllFeeds, HubClients.PingedTopics);

        var written = Logged(LogLevel.Information);
        Assert.Equal(4, written.Count);
        var atom = Assert.Single(written, e => Equals(e.Properties["PublishedFile"], Path.Combine(Output, "feed.atom")));
        Assert.Equal(snapshot.Documents["feed.atom"].Content.Length, atom.Properties["Bytes"]);
        Assert.StartsWith("Publishing: wrote ", atom.Message, StringComparison.Ordinal);

        var rendering = Assert.Single(renderings.GetMeasurementSnapshot());
        Assert.Equal("feeds", rendering.Tags["what"]);
        Assert.Equal("s", renderings.Instrument!.Unit);
        Assert.Contains("'status' (the /status page)", renderings.Instrument.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_change_in_the_store_the_last_rendering_is_kept_and_nothing_is_written_or_pinged()
    {
        var publisher = Publisher();
        var first = await publisher.PublishAsync(None);
        var (logged, pinged) = (Logs.Entries.Count, HubClients.Requests.Count);
        using var renderings = Renderings();

        var second = await publisher.PublishAsync(None);

        Assert.Same(first, second);
        Assert.Same(first, publisher.Current);
        Assert.Equal(logged, Logs.Entries.Count);
        Assert.Equal(pinged, HubClients.Requests.Count);
        Assert.Empty(renderings.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_new_article_is_rendered_written_and_pinged()
    {
        var publisher = Publisher();
        var first = await publisher.PublishAsync(None);
        await AddArticleAsync("second");

        var second = await publisher.PublishAsync(None);

        Assert.NotSame(first, second);
        Assert.Contains("https://a.example/second", await File.ReadAllTextAsync(Path.Combine(Output, "feed.json")), StringComparison.Ordinal);
        Assert.Equal([.. AllFeeds, .. AllFeeds], HubClients.PingedTopics);
        Assert.Equal(8, Logged(LogLevel.Information).Count);
    }

    [Fact]
    public async Task A_forced_publication_renders_again_but_rewrites_and_pings_nothing_that_did_not_change()
    {
        var publisher = Publisher();
        var first = await publisher.PublishAsync(None);
        var modified = File.GetLastWriteTimeUtc(Path.Combine(Output, "feed.atom"));
        File.SetLastWriteTimeUtc(Path.Combine(Output, "feed.atom"), modified.AddDays(-1));

        var forced = await publisher.PublishAsync(None, force: true);

        Assert.NotSame(first, forced);
        Assert.Equal(first.Documents["feed.atom"].ETag, forced.Documents["feed.atom"].ETag);
        Assert.Equal(modified.AddDays(-1), File.GetLastWriteTimeUtc(Path.Combine(Output, "feed.atom")));
        Assert.Equal(AllFeeds, HubClients.PingedTopics);
        Assert.Equal(4, Logged(LogLevel.Information).Count);
    }

    [Fact]
    public async Task A_forced_publication_writes_a_deleted_file_again_and_pings_its_feed()
    {
        var publisher = Publisher();
        await publisher.PublishAsync(None);
        File.Delete(Path.Combine(Output, "feed.rss"));

        await publisher.PublishAsync(None, force: true);

        Assert.True(File.Exists(Path.Combine(Output, "feed.rss")));
        Assert.Equal([.. AllFeeds, "http://feeds.example.test/feed.rss"], HubClients.PingedTopics);
    }

    [Fact]
    public async Task Rendering_into_memory_only_leaves_the_files_and_the_hub_to_a_later_publication()
    {
        var publisher = Publisher();

        var snapshot = await publisher.PublishAsync(None, writeOutputs: false);

        Assert.Same(snapshot, publisher.Current);
        Assert.False(Directory.Exists(Output));
        Assert.Empty(HubClients.Requests);

        Assert.Same(snapshot, await publisher.PublishAsync(None));
        Assert.True(File.Exists(Path.Combine(Output, "feed.atom")));
        Assert.Equal(AllFeeds, HubClients.PingedTopics);
    }

    [Fact]
    public async Task Unwritable_files_are_logged_as_errors_and_changed_feeds_are_still_pinged_from_memory()
    {
        // The output "directory" is a file: no document can be written under it.
        var blocked = Path.Combine(Db.Directory, "blocked");
        await File.WriteAllTextAsync(blocked, "not a directory");
        var publisher = Publisher(output: blocked);

        var first = await publisher.PublishAsync(None);

        Assert.Equal(4, first.Documents.Count);
        var errors = Logged(LogLevel.Error);
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => Equals(e.Properties["PublishedFile"], Path.Combine(blocked, "feed.atom")));
        Assert.All(errors, e => Assert.StartsWith("Publishing: could not write " + blocked, e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Properties["Error"] as string)));
        // Nothing was written and nothing rendered before: no feed is known to have changed.
        Assert.Empty(HubClients.Requests);

        // The same rendering again changes nothing; a new article changes every feed's content.
        await publisher.PublishAsync(None, force: true);
        Assert.Empty(HubClients.Requests);
        await AddArticleAsync("second");
        await publisher.PublishAsync(None);
        Assert.Equal(AllFeeds, HubClients.PingedTopics);
    }

    [Fact]
    public async Task Only_the_formats_rendered_are_pinged()
    {
        await Publisher(writers: [new AtomFeedWriter(), new HtmlPageWriter()]).PublishAsync(None);

        Assert.Equal(["http://feeds.example.test/feed.atom"], HubClients.PingedTopics);
        Assert.Equal(["feed.atom", "index.html"], Directory.GetFiles(Output).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, "http://localhost:5080/")]
    [InlineData("", "http://localhost:5080/")]
    [InlineData("   ", "http://localhost:5080/")]
    [InlineData("https://news.example.org/feeds", "https://news.example.org/feeds/")]
    [InlineData(" https://news.example.org/feeds/ ", "https://news.example.org/feeds/")]
    public void The_public_base_url_defaults_to_localhost_and_always_ends_with_a_slash(string? configured, string expected)
    {
        Assert.Equal(expected, FeedPublisher.PublicBaseUrl(configured).AbsoluteUri);
    }
}
