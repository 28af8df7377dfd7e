using System.Globalization;
using System.Net;
using System.Text;
using FeedAggregator.Model;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// The /status page: a summary line, a chart of new articles per hour, then every feed's health in
/// one table, failing feeds first. No JavaScript.
/// </summary>
public static class StatusPageWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="push">Each feed's WebSub subscription, by feed id, when it has one.</param>
    public static byte[] Write(
        string title, IReadOnlyList<Feed> feeds, IReadOnlyDictionary<long, int> articleCounts, DateTimeOffset now,
        StatusActivity? activity = null, IReadOnlyDictionary<long, HubSubscription>? push = null)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(articleCounts);
        var html = new StringBuilder(2048 + (feeds.Count * 512));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" · status</title>\n<style>\n").Append(HtmlPageStyle.Css)
            .Append("body { max-width: 72rem; }\ntable { border-collapse: collapse; width: 100%; font-size: .9rem; }\n")
            .Append("th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }\n")
            .Append(".error, .gone { color: #b3261e; font-weight: 600; }\n.ok { color: #146c2e; }\n.warning { color: #7a5900; }\n")
            .Append(".chart { margin: 0 0 1rem; } .chart svg { max-width: 100%; height: auto; fill: var(--link); }\n")
            .Append(".chart text { fill: var(--muted); font-size: 10px; } .chart .axis { stroke: var(--rule); } figcaption { color: var(--muted); font-size: .85rem; }\n")
            .Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Encode(title)).Append(" · status</h1>\n<p class=\"summary\">");
        Summary(html, feeds, articleCounts, now, activity?.LastCycle);
        html.Append(" As of ").Append(Time(now)).Append(". <a href=\"./\">The merged feed</a></p>\n</header>\n<main>\n");
        if (activity is not null)
            ActivityChart.Write(html, activity.NewByHour, now);
        html.Append("<table>\n<thead><tr>")
            .Append("<th>Feed</th><th>Status</th><th>Articles</th><th>Last poll</th><th>Last success</th><th>Next poll</th><th>Last error or warning</th>")
            .Append("</tr></thead>\n<tbody>\n");
        var ordered = feeds.OrderByDescending(f => f.Status is FeedStatus.Error or FeedStatus.Gone)
            .ThenBy(f => f.DisplayTitle, StringComparer.CurrentCultureIgnoreCase);
        foreach (var feed in ordered)
        {
            var status = feed.Status.ToString().ToLowerInvariant();
            html.Append("<tr><td>").Append(Encode(feed.DisplayTitle)).Append("<br><small>").Append(Encode(feed.Url)).Append("</small></td>")
                .Append("<td class=\"").Append(status).Append("\">").Append(status);
            if (feed.LastHttpStatus is { } http)
            {
                html.Append(" (HTTP ").Append(http.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            if (feed.ConsecutiveErrors > 0)
            {
                html.Append("<br><small>").Append(Plural.Of(feed.ConsecutiveErrors, "error")).Append(" in a row</small>");
            }

            if (push?.GetValueOrDefault(feed.Id) is { } subscription)
                AppendPush(html, subscription);

            html.Append("</td><td>").Append(articleCounts.GetValueOrDefault(feed.Id).ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(Time(feed.LastPolledAt)).Append("</td>")
                .Append("<td>").Append(Time(feed.LastSuccessAt)).Append("</td>")
                .Append("<td>").Append(Time(feed.NextPollAt)).Append("</td>")
                .Append("<td>").Append(Encode(feed.LastError ?? string.Empty));
            if (feed.Warning is { } warning)
                html.Append(feed.LastError is null ? "" : "<br>").Append("<small class=\"warning\">warning: ").Append(Encode(warning)).Append("</small>");
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return Utf8.GetBytes(html.ToString());
    }

    // WebSub: the state and the lease, the pushes received, and a failure's reason.
    private static void AppendPush(StringBuilder html, HubSubscription subscription)
    {
        var state = subscription.State.ToString().ToLowerInvariant();
        html.Append("<br><small class=\"push\">WebSub ").Append(state);
        if (subscription is { State: HubSubscriptionState.Verified, LeaseUntil: { } until })
            html.Append(", lease until ").Append(Time(until));
        if (subscription.Pushes > 0)
            html.Append(", ").Append(subscription.Pushes.ToString(CultureInfo.InvariantCulture)).Append(" pushes, last ").Append(Time(subscription.LastPushAt));
        if (subscription.Rejected > 0)
            html.Append(", ").Append(subscription.Rejected.ToString(CultureInfo.InvariantCulture)).Append(" rejected (bad signature)");
        if (subscription is { State: HubSubscriptionState.Failed, LastError: { } error })
            html.Append(": ").Append(Encode(error)).Append(", retried ").Append(Time(subscription.RetryAt));
        html.Append("</small>");
    }

    /// <summary>
    /// "12 feeds: 9 ok, 1 failing, 1 gone, 1 held, 0 not polled yet. 1,234 articles stored. Last poll
    /// cycle: 3.4 s for 12 feeds." Each feed is in one group: held (under its host's Retry-After)
    /// before failing.
    /// </summary>
    private static void Summary(
        StringBuilder html, IReadOnlyList<Feed> feeds, IReadOnlyDictionary<long, int> articleCounts, DateTimeOffset now, FinishedPollCycle? lastCycle)
    {
        int ok = 0, failing = 0, gone = 0, held = 0, fresh = 0;
        foreach (var feed in feeds)
        {
            if (feed.Status is FeedStatus.Gone) gone++;
            else if (feed.RetryAfter > now) held++;
            else if (feed.Status is FeedStatus.Error) failing++;
            else if (feed.Status is FeedStatus.Ok) ok++;
            else fresh++;
        }

        html.Append(CultureInfo.InvariantCulture, $"{Plural.Of(feeds.Count, "feed")}: {ok:N0} ok, {failing:N0} failing, {gone:N0} gone, {held:N0} held")
            .Append(fresh > 0 ? string.Create(CultureInfo.InvariantCulture, $", {fresh:N0} not polled yet") : "")
            .Append(". ").Append(Plural.Of(articleCounts.Values.Sum(c => (long)c), "article")).Append(" stored. ");
        if (lastCycle is null)
        {
            html.Append("No poll cycle yet since the service started.");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"Last poll cycle: {Duration(lastCycle.Duration)} for {Plural.Of(lastCycle.Polled, "feed")}")
            .Append(lastCycle.Failed > 0 ? $" ({lastCycle.Failed.ToString("N0", CultureInfo.InvariantCulture)} failed)" : "")
            .Append(", started ").Append(Time(lastCycle.Started)).Append('.');
    }

    private static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min";

    private static string Time(DateTimeOffset? value) => value is { } time
        ? $"<time datetime=\"{FeedDates.Rfc3339(time)}\">{Encode(FeedDates.Readable(time))}</time>"
        : "never";

    private static string Encode(string text) => WebUtility.HtmlEncode(CharacterFilter.Strip(text));
}
