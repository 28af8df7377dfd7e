using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Integration;

/// <summary>
/// The whole service, end to end: two feeds served by a local Kestrel, the real worker (Quartz,
/// fetcher, parser, store, publisher) polling them, and the merged feed read back over HTTP.
/// </summary>
public sealed class PipelineIntegrationTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "feedagg-it", Guid.NewGuid().ToString("N"));
    private LocalHttpServer _origin = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _origin = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/tech.rss", () => Results.Bytes(Fixture("tech.rss.xml"), "application/rss+xml"));
            routes.MapGet("/science.atom", () => Results.Bytes(Fixture("science.atom.xml"), "application/atom+xml"));
        });
        Directory.CreateDirectory(Path.Combine(_dir, "seeds"));
        File.WriteAllText(Path.Combine(_dir, "feeds.opml"), $"""
            <opml version="2.0"><head><title>t</title></head><body>
              <outline text="Tech" xmlUrl="{_origin.Url("/tech.rss")}"/>
              <outline text="Science" xmlUrl="{_origin.Url("/science.atom")}"/>
            </body></opml>
            """);

        _app = RunCommand.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Database={Path.Combine(_dir, "feeds.db")}",
            $"--Feeds:File={Path.Combine(_dir, "feeds.opml")}",
            $"--Seeds:Directory={Path.Combine(_dir, "seeds")}",
            $"--Publishing:OutputDirectory={Path.Combine(_dir, "public")}",
            "--Publishing:BaseUrl=http://feeds.test/",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _origin.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Two_feeds_are_polled_by_the_scheduler_and_served_merged_newest_first_with_their_sources()
    {
        var feed = await WaitForEntriesAsync(4);

        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(
            ["Comet seen from both hemispheres", "Polite HTTP clients", "SQLite in production", "Deep-sea vents mapped"],
            entries.Select(e => e.Element(Atom + "title")!.Value));
        var sources = entries.Select(e => e.Element(Atom + "source")!.Element(Atom + "title")!.Value).ToList();
        // The OPML title is the user's name for a feed: it wins over the feed's own.
        Assert.Equal(["Science", "Tech", "Tech", "Science"], sources);
        var sqlite = entries[2].Element(Atom + "content")!.Value;
        // A relative link resolves against the document it came from.
        Assert.Contains(_origin.Url("/posts/wal").AbsoluteUri, sqlite);
        Assert.DoesNotContain("track()", sqlite);

        // Each served feed was fetched by the worker, once, with its User-Agent.
        Assert.Single(_origin.RequestsTo("/tech.rss"));
        Assert.StartsWith("FeedAggregator/", _origin.RequestsTo("/tech.rss")[0].Header("User-Agent"));

        // The files were written too.
        Assert.Contains("Comet seen", File.ReadAllText(Path.Combine(_dir, "public", "feed.atom")));
        Assert.True(File.Exists(Path.Combine(_dir, "public", "feed.json")));
    }

    [Fact]
    public async Task Polling_again_adds_nothing_and_an_unchanged_feed_answers_304()
    {
        await WaitForEntriesAsync(4);
        var first = await _http.GetAsync("/feed.atom");
        var etag = first.Headers.ETag!;

        var again = await _app.Services.GetRequiredService<PollCycle>().RunAsync(force: true, CancellationToken.None);
        await _app.Services.GetRequiredService<FeedAggregator.Publishing.FeedPublisher>().PublishAsync(CancellationToken.None);

        Assert.Equal(2, again.Polled);
        Assert.Equal(0, again.Added + again.Updated);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        conditional.Headers.IfNoneMatch.Add(etag);
        var response = await _http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task The_other_formats_the_page_and_health_are_served()
    {
        await WaitForEntriesAsync(4);
        var rss = await _http.GetAsync("/feed.rss");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Polite HTTP clients", await rss.Content.ReadAsStringAsync());

        var json = await _http.GetStringAsync("/feed.json");
        Assert.Contains("\"version\":\"https://jsonfeed.org/version/1.1\"", json);

        var page = await _http.GetStringAsync("/");
        Assert.Contains("Deep-sea vents mapped", page);
        Assert.Contains("application/atom+xml", page);

        var health = await _http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var compressed = await _http.SendAsync(gzip);
        Assert.Equal("gzip", compressed.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task A_category_feed_links_to_itself_by_its_own_path()
    {
        await WaitForEntriesAsync(4);

        var feed = XDocument.Parse(await _http.GetStringAsync("/category/databases/feed.atom?limit=1"));

        Assert.Equal("SQLite in production", Assert.Single(feed.Root!.Elements(Atom + "entry")).Element(Atom + "title")!.Value);
        var self = feed.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("http://feeds.test/category/databases/feed.atom?limit=1", (string?)self.Attribute("href"));
    }

    private async Task<XDocument> WaitForEntriesAsync(int count)
    {
        // The poll job fires at start; the publisher renders after it. Allow a slow CI machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var document = XDocument.Parse(await _http.GetStringAsync("/feed.atom", timeout.Token));
            if (document.Root!.Elements(Atom + "entry").Count() >= count)
                return document;
            await Task.Delay(200, timeout.Token);
        }
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(TestFiles.Path("Integration", name));
}
