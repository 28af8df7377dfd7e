using System.CommandLine;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg feeds list [--json]</c>: the subscriptions and the health of each.</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per feed, one per line." };
        var list = new Command("list", "List the subscribed feeds with their status.") { json };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction(async (result, cancellationToken) =>
        {
            if (!CliApp.TryGetConfigArgs(result, out var configArgs))
                return ExitCodes.BadUsage;
            var asJson = result.GetValue(json);
            return await CliHost.RunAsync(configArgs, (services, token) => ListAsync(services, asJson, token), cancellationToken);
        });

        var command = new Command("feeds", "Manage the subscriptions.") { list };
        return command;
    }

    private static async Task<int> ListAsync(IServiceProvider services, bool asJson, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StartupTasks>().PrepareStoreAsync(cancellationToken);
        var feeds = await services.GetRequiredService<IFeedStore>().ListAsync(cancellationToken);
        var counts = await services.GetRequiredService<IArticleStore>().CountByFeedAsync(cancellationToken);
        foreach (var feed in feeds)
        {
            var articles = counts.GetValueOrDefault(feed.Id);
            Console.WriteLine(asJson ? JsonLine(feed, articles) : TextLine(feed, articles));
        }

        return ExitCodes.Done;
    }

    private static string JsonLine(Feed feed, int articles) => JsonSerializer.Serialize(new
    {
        url = feed.Url,
        title = feed.Title,
        category = feed.Category,
        status = feed.Status.ToString().ToLowerInvariant(),
        last_http_status = feed.LastHttpStatus,
        last_error = feed.LastError,
        consecutive_errors = feed.ConsecutiveErrors,
        last_polled = IsoDate.Format(feed.LastPolledAt),
        last_success = IsoDate.Format(feed.LastSuccessAt),
        next_poll = IsoDate.Format(feed.NextPollAt),
        retry_after = IsoDate.Format(feed.RetryAfter),
        articles,
    }, CliJson.Options);

    private static string TextLine(Feed feed, int articles)
    {
        var status = feed.Status.ToString().ToLowerInvariant();
        var detail = feed.LastError is null ? "" : $"  ({feed.LastError})";
        return $"{status,-6} {feed.Url}  \"{feed.DisplayTitle}\"  {articles} articles, next poll {IsoDate.Format(feed.NextPollAt) ?? "now"}{detail}";
    }
}
