using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>What a parsed document tells about its feed: title, site, how often to poll, how often it posts, what it tolerated.</summary>
public sealed class FeedRefresherDocumentTests
{
    private static readonly DateTimeOffset Start = PollHarness.Start;

    [Fact]
    public async Task A_feed_without_a_title_takes_the_documents_trimmed_and_one_with_a_title_keeps_its_own()
    {
        var title = "  The Blog  ";
        await using var server = await Serve(() => Rss($"<title>{title}</title>"));
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var taken = await poll.RefreshAsync(server.Url("/feed"));
        var stored = (await poll.FeedAsync(server.Url("/feed").AbsoluteUri)).Title;
        var own = await poll.RefreshAsync(server.Url("/feed"), f => f with { Title = "Mine", BodyHash = null });
        var blank = await poll.RefreshAsync(server.Url("/feed"), f => f with { Title = " ", BodyHash = null });
        title = " ";
        var none = await poll.RefreshAsync(server.Url("/feed"), f => f with { Title = null, BodyHash = null });

        Assert.Equal("The Blog", taken.Feed.Title);
        Assert.Equal("The Blog", stored);
        Assert.Equal("Mine", own.Feed.Title);
        Assert.Equal("The Blog", blank.Feed.Title);
        Assert.Null(none.Feed.Title);
    }

    [Fact]
    public async Task The_site_is_the_documents_link_resolved_against_its_base_else_the_feeds_own()
    {
        var body = """<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/blog/"><title>t</title><link href="home"/></feed>""";
        await using var server = await Serve(() => body);
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);
        static Feed Old(Feed f) => f with { SiteUrl = "https://old.example/", BodyHash = null };

        var based = await poll.RefreshAsync(server.Url("/feed"), Old);
        body = """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link href="/home"/></feed>""";
        var relative = await poll.RefreshAsync(server.Url("/feed"), Old);
        body = """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>""";
        var kept = await poll.RefreshAsync(server.Url("/feed"), Old);

        Assert.Equal("https://base.example/blog/home", based.Feed.SiteUrl);
        Assert.Equal(server.Url("/home").AbsoluteUri, relative.Feed.SiteUrl);
        Assert.Equal("https://old.example/", kept.Feed.SiteUrl);
    }

    [Theory]
    [InlineData(60, 7200, 120)]
    [InlineData(180, 3600, 180)]
    [InlineData(90, null, 90)]
    public async Task The_feeds_hint_is_the_longer_of_its_ttl_and_the_servers_cache_lifetime(int ttlMinutes, int? maxAgeSeconds, int hintMinutes)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", async context =>
        {
            if (maxAgeSeconds is { } seconds)
                context.Response.Headers.CacheControl = $"max-age={seconds}";
            await context.Response.WriteAsync(Rss($"<title>t</title><ttl>{ttlMinutes}</ttl>"));
        });
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal(TimeSpan.FromMinutes(hintMinutes), result.Feed.Hint);
        Assert.Equal(Start.AddMinutes(hintMinutes), result.Feed.NextPollAt);
    }

    [Fact]
    public async Task The_posting_rate_reads_when_an_entry_was_published_else_updated()
    {
        var body = $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>a</id><title>a</title><published>{Ago(TimeSpan.FromDays(2))}</published><updated>{Ago(TimeSpan.FromHours(1))}</updated></entry>
            <entry><id>b</id><title>b</title><published>{Ago(TimeSpan.FromDays(4))}</published><updated>{Ago(TimeSpan.FromHours(1))}</updated></entry>
            <entry><id>c</id><title>c</title><updated>{Ago(TimeSpan.FromDays(6))}</updated></entry>
            </feed>
            """;
        await using var server = await Serve(() => body);
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal(new PostingSample(Start.AddDays(-6), 3), result.Feed.Posting);
    }

    [Fact]
    public async Task What_parsing_tolerated_is_logged_for_the_parsing_stage_and_shown_on_the_feeds_status()
    {
        await using var server = await Serve(() => Rss("<title>t</title><item><title>a</title><guid>a</guid><pubDate>yesterday-ish</pubDate></item>"));
        await using var poll = await PollHarness.CreateAsync([server.Url("/feed")]);

        var result = await poll.RefreshAsync(server.Url("/feed"));

        Assert.Equal(FeedStatus.Ok, result.Status);
        Assert.Contains("yesterday-ish", result.Feed.Warning, StringComparison.Ordinal);
        var warning = Assert.Single(poll.Logged(LogLevel.Warning, "Parsing: "));
        Assert.Equal(("Parsing", server.Url("/feed").AbsoluteUri, result.Feed.Warning), (warning.Properties["Stage"], warning.Properties["FeedUrl"], warning.Properties["Warning"]));
    }

    private static string Ago(TimeSpan age) => (Start - age).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Rss(string channel) =>
        $"""<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>""";

    private static Task<LocalHttpServer> Serve(Func<string> body) =>
        LocalHttpServer.StartAsync("/feed", context => context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body())).AsTask());
}
