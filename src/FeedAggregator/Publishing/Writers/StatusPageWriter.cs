using System.Globalization;
using System.Net;
using System.Text;
using FeedAggregator.Model;

namespace FeedAggregator.Publishing.Writers;

/// <summary>The /status page: every feed's health in one table, failing feeds first. No JavaScript.</summary>
public static class StatusPageWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="push">Each feed's WebSub subscription, by feed id, when it has one.</param>
    public static byte[] Write(
        string title, IReadOnlyList<Feed> feeds, IReadOnlyDictionary<long, int> articleCounts, DateTimeOffset now,
        IReadOnlyDictionary<long, HubSubscription>? push = null)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(articleCounts);
        var failing = feeds.Count(f => f.Status is FeedStatus.Error or FeedStatus.Gone);
        var html = new StringBuilder(2048 + (feeds.Count * 512));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" · status</title>\n<style>\n").Append(HtmlPageStyle.Css)
            .Append("body { max-width: 72rem; }\ntable { border-collapse: collapse; width: 100%; font-size: .9rem; }\n")
            .Append("th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }\n")
            .Append(".error, .gone { color: #b3261e; font-weight: 600; }\n.ok { color: #146c2e; }\n.warning { color: #7a5900; }\n</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Encode(title)).Append(" · status</h1>\n<p>")
            .Append(feeds.Count.ToString(CultureInfo.InvariantCulture)).Append(" feeds, ")
            .Append(failing.ToString(CultureInfo.InvariantCulture)).Append(" failing. As of ").Append(Time(now))
            .Append(". <a href=\"./\">The merged feed</a></p>\n</header>\n<main>\n<table>\n<thead><tr>")
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
                html.Append("<br><small>").Append(feed.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture)).Append(" errors in a row</small>");
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

    private static string Time(DateTimeOffset? value) => value is { } time
        ? $"<time datetime=\"{FeedDates.Rfc3339(time)}\">{Encode(FeedDates.Readable(time))}</time>"
        : "never";

    private static string Encode(string text) => WebUtility.HtmlEncode(CharacterFilter.Strip(text));
}
