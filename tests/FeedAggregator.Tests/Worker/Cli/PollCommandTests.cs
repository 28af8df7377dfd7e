using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>
/// <c>poll --once [--force]</c> and <c>feeds reactivate</c> against loopback feeds: one good, one
/// gone (410), one missing (404). A failing feed is reported, never fatal.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PollCommandTests : IAsyncLifetime
{
    private readonly ScratchFolder _folder = new();
    private LocalHttpServer _origin = null!;
    private int _goneStatus = StatusCodes.Status410Gone;

    private string Good => _origin.Url("/good.rss").AbsoluteUri;
    private string Gone => _origin.Url("/gone.rss").AbsoluteUri;
    private string Missing => _origin.Url("/missing.rss").AbsoluteUri;

    public async Task InitializeAsync()
    {
        _origin = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/good.rss", () => Results.File(TestFiles.Path("Worker", "tech.rss"), "application/rss+xml"));
            routes.MapGet("/gone.rss", () => _goneStatus == StatusCodes.Status200OK
                ? Results.File(TestFiles.Path("Worker", "world.json"), "application/feed+json")
                : Results.StatusCode(_goneStatus));
        });
        _folder.WriteOpml(new Subscription(Good, "Good"), new Subscription(Gone, "Gone"), new Subscription(Missing, "Missing"));
    }

    public async Task DisposeAsync()
    {
        await _origin.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Reports_each_feed_and_the_totals_exits_0_and_publishes_the_files()
    {
        var result = await _folder.RunAsync("poll", "--once");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, result.Lines.Count);
        // One line per feed as it is stored (in the order the feeds finish), then the totals.
        var perFeed = result.Lines.Take(3).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith($"error  {Missing}: ", perFeed[0], StringComparison.Ordinal);
        Assert.Contains("404", perFeed[0], StringComparison.Ordinal);
        Assert.StartsWith($"gone   {Gone}: ", perFeed[1], StringComparison.Ordinal);
        Assert.Equal($"ok     {Good} (+2 new, 0 updated)", perFeed[2]);
        Assert.Equal("3 feeds polled, 2 failed, 2 new articles, 0 updated.", result.Lines[3]);
        foreach (var file in new[] { "feed.atom", "feed.rss", "feed.json", "index.html" })
            Assert.Contains("Kernel 9.1 released", File.ReadAllText(Path.Combine(_folder.Output, file)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_polls_nothing_that_is_not_due_and_force_polls_all_but_the_gone_feed()
    {
        await _folder.RunAsync("poll", "--once");

        var again = await _folder.RunAsync("poll", "--once");
        var forced = await _folder.RunAsync("poll", "--once", "--force");

        Assert.Equal(["0 feeds polled, 0 failed, 0 new articles, 0 updated."], again.Lines);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        var perFeed = forced.Lines.Take(2).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith($"error  {Missing}: ", perFeed[0], StringComparison.Ordinal);
        Assert.Equal($"ok     {Good} (+0 new, 0 updated)", perFeed[1]);
        Assert.Equal("2 feeds polled, 1 failed, 0 new articles, 0 updated.", forced.Lines[2]);
        Assert.Single(_origin.RequestsTo("/gone.rss"));
    }

    [Fact]
    public async Task Reactivate_makes_a_gone_feed_polled_again_on_the_next_run()
    {
        await _folder.RunAsync("poll", "--once");
        _goneStatus = StatusCodes.Status200OK; // the site came back

        var reactivated = await _folder.RunAsync("feeds", "reactivate", Gone);
        var listed = await _folder.RunAsync("feeds", "list", "--json");
        var polled = await _folder.RunAsync("poll", "--once");

        Assert.True(reactivated.ExitCode == 0, reactivated.ToString());
        Assert.Equal([$"reactivated {Gone}: it is polled on the next run"], reactivated.Lines);
        var row = listed.Lines.Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("url").GetString() == Gone);
        Assert.NotEqual("gone", row.GetProperty("status").GetString());
        Assert.Equal($"ok     {Gone} (+2 new, 0 updated)", polled.Lines[0]);
        Assert.Equal(2, _origin.RequestsTo("/gone.rss").Count);
    }

    [Fact]
    public async Task Feeds_list_shows_each_failure_with_its_cause()
    {
        await _folder.RunAsync("poll", "--once");

        var list = await _folder.RunAsync("feeds", "list");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.Lines, l => l.StartsWith($"ok     {Good}  \"Good\"  2 articles, next poll 20", StringComparison.Ordinal));
        Assert.Contains(list.Lines, l => l.StartsWith($"gone   {Gone}  \"Gone\"  0 articles, next poll now  (", StringComparison.Ordinal));
        Assert.Contains(list.Lines, l => l.StartsWith($"error  {Missing}  \"Missing\"  0 articles, next poll 20", StringComparison.Ordinal) && l.Contains("404", StringComparison.Ordinal));
    }
}
