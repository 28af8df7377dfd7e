using FeedAggregator.Model;
using FeedAggregator.Refreshing;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>One feed through <see cref="FeedRefresher"/> as the app wires it (a <see cref="PollHarness"/>), and its log lines.</summary>
internal static class FeedRefresherRig
{
    public static FeedRefresher Refresher(this PollHarness poll) => poll.Services.GetRequiredService<FeedRefresher>();

    /// <summary>Refreshes the stored feed of <paramref name="url"/>, as changed by <paramref name="change"/> (state a poll would start from).</summary>
    public static async Task<RefreshResult> RefreshAsync(this PollHarness poll, Uri url, Func<Feed, Feed>? change = null)
    {
        var feed = await poll.FeedAsync(url.AbsoluteUri);
        return await poll.Refresher().RefreshAsync(change is null ? feed : change(feed), CancellationToken.None);
    }

    /// <summary>The log lines of the refresher at <paramref name="level"/> whose message starts with <paramref name="start"/>.</summary>
    public static IReadOnlyList<CapturedLog> Logged(this PollHarness poll, LogLevel level, string start) =>
        [.. poll.Logs.Entries.Where(e => e.Category == typeof(FeedRefresher).FullName && e.Level == level && e.Message.StartsWith(start, StringComparison.Ordinal))];
}
