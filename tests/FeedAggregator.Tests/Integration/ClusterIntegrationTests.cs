using System.Net;
using System.Xml.Linq;
using FeedAggregator.Tests.Support;
using FeedAggregator.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Integration;

/// <summary>
/// Two nodes on one PostgreSQL database (skipped without FEEDAGG_TEST_POSTGRES): a poll-only
/// worker and a serve-only front node. What the worker stores, the front node serves, from its
/// own render cache invalidated by the store version in the database.
/// </summary>
public sealed class ClusterIntegrationTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [SkippableFact]
    public async Task A_poll_node_stores_what_a_serve_node_serves_and_each_does_only_its_role()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        var dir = Path.Combine(Path.GetTempPath(), "feedagg-it", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "seeds"));
        await using var origin = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/tech.rss", () => Results.Bytes(Fixture("tech.rss.xml"), "application/rss+xml"));
            routes.MapGet("/science.atom", () => Results.Bytes(Fixture("science.atom.xml"), "application/atom+xml"));
        });
        File.WriteAllText(Path.Combine(dir, "feeds.opml"), $"""
            <opml version="2.0"><head><title>t</title></head><body>
              <outline text="Tech" xmlUrl="{origin.Url("/tech.rss")}"/>
              <outline text="Science" xmlUrl="{origin.Url("/science.atom")}"/>
            </body></opml>
            """);

        string[] Node(string role) =>
        [
            "--urls=http://127.0.0.1:0",
            $"--Roles={role}",
            "--Storage:Provider=postgres",
            $"--Storage:ConnectionString={database.ConnectionString}",
            $"--Feeds:File={Path.Combine(dir, "feeds.opml")}",
            $"--Seeds:Directory={Path.Combine(dir, "seeds")}",
            $"--Publishing:OutputDirectory={Path.Combine(dir, "public-" + role)}",
            "--Publishing:BaseUrl=http://feeds.test/",
            "--Polling:CheckEvery=00:00:05",
            "--Logging:LogLevel:Default=Warning",
        ];

        await using var serve = RunCommand.Build(Node("serve"));
        await serve.StartAsync();
        await using var poll = RunCommand.Build(Node("poll"));
        await poll.StartAsync();
        try
        {
            using var front = new HttpClient { BaseAddress = new Uri(serve.Urls.First()) };
            using var worker = new HttpClient { BaseAddress = new Uri(poll.Urls.First()) };

            var feed = await WaitForEntriesAsync(front, 4);

            Assert.Equal(4, feed.Root!.Elements(Atom + "entry").Count());
            // Each feed was fetched once, by the poll node: the serve node polls nothing.
            Assert.Single(origin.RequestsTo("/tech.rss"));
            Assert.Single(origin.RequestsTo("/science.atom"));
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/feed.atom")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await poll.StopAsync();
            await serve.StopAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<XDocument> WaitForEntriesAsync(HttpClient http, int count)
    {
        // The poll node fetches at start; the serve node sees the new store version within one CheckEvery.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var document = XDocument.Parse(await http.GetStringAsync("/feed.atom", timeout.Token));
            if (document.Root!.Elements(Atom + "entry").Count() >= count)
                return document;
            await Task.Delay(200, timeout.Token);
        }
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine("TestData", "Integration", name));
}
