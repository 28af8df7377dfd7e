using System.Text;
using System.Text.RegularExpressions;
using FeedAggregator.Model;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Publishing;

/// <summary>The /status page as <see cref="StatusPageWriter"/> renders it, from feeds built in memory.</summary>
public sealed class StatusPageWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);
    private const string NowTime = "<time datetime=\"2026-11-26T10:30:00Z\">26 Nov 2026, 10:30 UTC</time>";

    private static readonly IReadOnlyDictionary<long, int> NoArticles = new Dictionary<long, int>();

    private static Feed Feed(long id, string title, FeedStatus status = FeedStatus.Ok) =>
        new() { Id = id, Url = $"https://{id}.example/feed", Title = title, Status = status };

    private static string Render(
        IReadOnlyList<Feed> feeds, IReadOnlyDictionary<long, int>? counts = null, StatusActivity? activity = null,
        IReadOnlyDictionary<long, HubSubscription>? push = null, string title = "My feeds") =>
        Encoding.UTF8.GetString(StatusPageWriter.Write(title, feeds, counts ?? NoArticles, Now, activity, push));

    private static string RowOf(string html, string title)
    {
        var start = html.IndexOf("<tr><td>" + title + "<br>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {title}");
        return html[start..(html.IndexOf("</tr>\n", start, StringComparison.Ordinal) + "</tr>\n".Length)];
    }

    [Fact]
    public void The_page_is_a_complete_english_utf8_document_without_a_byte_order_mark()
    {
        var bytes = StatusPageWriter.Write("Town & <feeds>", [Feed(1, "A")], NoArticles, Now);
        var html = Encoding.UTF8.GetString(bytes);

        Assert.Equal((byte)'<', bytes[0]);
        Assert.StartsWith(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Town &amp; &lt;feeds&gt; · status</title>\n<style>\n",
            html, StringComparison.Ordinal);
        Assert.Contains("</style>\n</head>\n<body>\n<header>\n<h1>Town &amp; &lt;feeds&gt; · status</h1>\n<p class=\"summary\">1 feed: ", html, StringComparison.Ordinal);
        Assert.Contains($" As of {NowTime}. <a href=\"./\">The merged feed</a></p>\n</header>\n<main>\n<table>\n", html, StringComparison.Ordinal);
        Assert.Contains(
            "<table>\n<thead><tr><th>Feed</th><th>Status</th><th>Articles</th><th>Last poll</th><th>Last success</th><th>Next poll</th><th>Last error or warning</th></tr></thead>\n<tbody>\n<tr>",
            html, StringComparison.Ordinal);
        Assert.EndsWith("</td></tr>\n</tbody>\n</table>\n</main>\n</body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_style_sheet_styles_the_table_the_status_classes_and_the_chart()
    {
        var html = Render([Feed(1, "A")]);
        var css = html[html.IndexOf("<style>", StringComparison.Ordinal)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var selectors = Regex.Matches(css, @"([^{}]+)\{").Select(m => m.Groups[1].Value.Trim()).ToHashSet(StringComparer.Ordinal);

        // The shared page style, then the status page's own rules.
        Assert.Contains(HtmlPageStyle.Css, css, StringComparison.Ordinal);
        Assert.Contains("body { max-width: 72rem; }", css, StringComparison.Ordinal);
        Assert.Contains("table", selectors);
        Assert.Contains("th, td", selectors);
        Assert.Contains(".error, .gone", selectors);
        Assert.Contains(".ok", selectors);
        Assert.Contains(".warning", selectors);
        Assert.Contains(".chart", selectors);
        Assert.Contains(".chart svg", selectors);
        Assert.Contains(".chart text", selectors);
        Assert.Contains(".chart .axis", selectors);
        Assert.Contains("figcaption", selectors);
    }

    [Fact]
    public void Null_feeds_or_counts_are_refused()
    {
        Assert.Throws<ArgumentNullException>("feeds", () => StatusPageWriter.Write("t", null!, NoArticles, Now));
        Assert.Throws<ArgumentNullException>("articleCounts", () => StatusPageWriter.Write("t", [], null!, Now));
    }

    [Fact]
    public void Failing_and_gone_feeds_come_first_then_each_group_by_title_ignoring_case()
    {
        var html = Render(
        [
            Feed(1, "beta"), Feed(2, "Alpha"), Feed(3, "zed", FeedStatus.Error), Feed(4, "Gamma", FeedStatus.Gone), Feed(5, "delta", FeedStatus.New),
        ]);

        var order = new[] { "Gamma", "zed", "Alpha", "beta", "delta" }.Select(t => html.IndexOf("<tr><td>" + t + "<br>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal([.. order.Order()], order);
    }

    [Fact]
    public void A_healthy_row_shows_the_feed_its_status_counts_and_times()
    {
        var feed = Feed(7, "City & News") with
        {
            LastHttpStatus = 200,
            LastPolledAt = Now.AddMinutes(-5),
            LastSuccessAt = Now.AddMinutes(-5),
            NextPollAt = null,
        };

        var row = RowOf(Render([feed], new Dictionary<long, int> { [7] = 1234 }), "City &amp; News");

        Assert.Equal(
            "<tr><td>City &amp; News<br><small>https://7.example/feed</small></td><td class=\"ok\">ok (HTTP 200)</td><td>1234</td>"
            + "<td><time datetime=\"2026-11-26T10:25:00Z\">26 Nov 2026, 10:25 UTC</time></td>"
            + "<td><time datetime=\"2026-11-26T10:25:00Z\">26 Nov 2026, 10:25 UTC</time></td>"
            + "<td>never</td><td></td></tr>\n",
            row);
    }

    [Fact]
    public void A_failing_row_shows_the_errors_in_a_row_the_error_and_the_warning()
    {
        var failing = Feed(1, "Failing", FeedStatus.Error) with { ConsecutiveErrors = 2, LastError = "fetch: <timeout>", Warning = "cut 5 entries" };
        var warned = Feed(2, "Warned") with { Warning = "recovered a broken document" };

        var html = Render([failing, warned]);

        Assert.Equal(
            "<tr><td>Failing<br><small>https://1.example/feed</small></td><td class=\"error\">error<br><small>2 errors in a row</small></td><td>0</td>"
            + "<td>never</td><td>never</td><td>never</td><td>fetch: &lt;timeout&gt;<br><small class=\"warning\">warning: cut 5 entries</small></td></tr>\n",
            RowOf(html, "Failing"));
        // Without an error, the warning is the cell's only line.
        Assert.EndsWith("<td>never</td><td><small class=\"warning\">warning: recovered a broken document</small></td></tr>\n", RowOf(html, "Warned"), StringComparison.Ordinal);
        Assert.DoesNotContain("in a row", RowOf(html, "Warned"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_verified_websub_subscription_shows_its_lease_pushes_and_rejections()
    {
        var push = new Dictionary<long, HubSubscription>
        {
            [1] = Subscription(1) with
            {
                State = HubSubscriptionState.Verified, LeaseUntil = Now.AddDays(5), Pushes = 3, LastPushAt = Now.AddHours(-1), Rejected = 2,
            },
            [2] = Subscription(2) with { State = HubSubscriptionState.Subscribing, LeaseUntil = Now.AddDays(5) },
        };

        var html = Render([Feed(1, "Pushed"), Feed(2, "Asked"), Feed(3, "Polled")], push: push);

        Assert.Contains(
            "<td class=\"ok\">ok<br><small class=\"push\">WebSub verified, lease until <time datetime=\"2026-12-01T10:30:00Z\">1 Dec 2026, 10:30 UTC</time>, "
            + "3 pushes, last <time datetime=\"2026-11-26T09:30:00Z\">26 Nov 2026, 09:30 UTC</time>, 2 rejected (bad signature)</small></td>",
            RowOf(html, "Pushed"), StringComparison.Ordinal);
        // Not verified yet: no lease, and no pushes or rejections to tell.
        Assert.Contains("<td class=\"ok\">ok<br><small class=\"push\">WebSub subscribing</small></td>", RowOf(html, "Asked"), StringComparison.Ordinal);
        Assert.DoesNotContain("WebSub", RowOf(html, "Polled"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_websub_subscription_shows_why_and_when_it_is_retried()
    {
        var push = new Dictionary<long, HubSubscription>
        {
            [1] = Subscription(1) with { State = HubSubscriptionState.Failed, LastError = "hub answered <403>", RetryAt = Now.AddHours(2) },
        };

        var html = Render([Feed(1, "Refused")], push: push);

        Assert.Contains(
            "<small class=\"push\">WebSub failed: hub answered &lt;403&gt;, retried <time datetime=\"2026-11-26T12:30:00Z\">26 Nov 2026, 12:30 UTC</time></small>",
            RowOf(html, "Refused"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_feeds_not_polled_yet_and_a_feed_held_until_now_as_failing()
    {
        var html = Render(
        [
            Feed(1, "New one", FeedStatus.New), Feed(2, "New two", FeedStatus.New),
            Feed(3, "Due", FeedStatus.Error) with { RetryAfter = Now },
            Feed(4, "Held", FeedStatus.Error) with { RetryAfter = Now.AddSeconds(1) },
        ], new Dictionary<long, int> { [1] = 2, [3] = 1 });

        Assert.Contains("<p class=\"summary\">4 feeds: 0 ok, 1 failing, 0 gone, 1 held, 2 not polled yet. 3 articles stored. No poll cycle yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_leaves_out_not_polled_yet_when_every_feed_was_polled()
    {
        var html = Render([Feed(1, "A")]);

        Assert.Contains("<p class=\"summary\">1 feed: 1 ok, 0 failing, 0 gone, 0 held. 0 articles stored. No poll cycle yet since the service started.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not polled yet", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3.4, 12, 0, "Last poll cycle: 3.4 s for 12 feeds, started ")]
    [InlineData(59.9, 1, 1, "Last poll cycle: 59.9 s for 1 feed (1 failed), started ")]
    [InlineData(60, 2, 0, "Last poll cycle: 1.0 min for 2 feeds, started ")]
    [InlineData(90, 3, 2, "Last poll cycle: 1.5 min for 3 feeds (2 failed), started ")]
    public void The_summary_tells_the_last_poll_cycle_in_seconds_or_minutes(double seconds, int polled, int failed, string expected)
    {
        var cycle = new FinishedPollCycle(Now.AddMinutes(-10), TimeSpan.FromSeconds(seconds), polled, failed);

        var html = Render([Feed(1, "A")], activity: new StatusActivity(new Dictionary<DateTimeOffset, int>(), cycle));

        Assert.Contains(
            expected + "<time datetime=\"2026-11-26T10:20:00Z\">26 Nov 2026, 10:20 UTC</time>. As of " + NowTime + ".",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("No poll cycle yet", html, StringComparison.Ordinal);
    }

    private static HubSubscription Subscription(long feedId) =>
        new() { FeedId = feedId, Hub = "https://hub.example/", Topic = $"https://{feedId}.example/feed", Token = "token", Secret = "secret" };
}
