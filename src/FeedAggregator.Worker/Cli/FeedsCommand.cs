using System.CommandLine;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Storage;
using FeedAggregator.Subscriptions;
using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary><c>feedagg feeds list [--json]</c>: the subscriptions and the health of each.</summary>
internal static class FeedsCommand
{
    public static Command Create(IReadOnlyList<string> configArgs)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per feed, one per line." };
        var list = new Command("list", "List the subscribed feeds with their status.") { json };
        list.SetAction(async (result, cancellationToken) =>
        {
            var asJson = result.GetValue(json);
            return await CliHost.RunAsync(configArgs, (services, token) => ListAsync(services, asJson, token), cancellationToken);
        });

        var url = new Argument<string>("URL") { Description = "The feed's URL (http or https)." };
        var title = new Option<string?>("--title") { Description = "The title to show for the feed." };
        var category = new Option<string?>("--category") { Description = "The folder (category) to put it in." };
        var add = new Command("add", "Subscribe to a feed (written to the OPML file).") { url, title, category };
        add.SetAction((result, cancellationToken) => RunAsync(configArgs, cancellationToken, async (services, token) =>
        {
            var subscription = new Subscription(result.GetValue(url)!, result.GetValue(title), result.GetValue(category));
            if (!await services.GetRequiredService<SubscriptionList>().AddAsync(subscription, token))
            {
                await Console.Error.WriteLineAsync($"feedagg: '{subscription.Url}' is not an absolute http(s) URL.");
                return ExitCodes.BadUsage;
            }

            Console.WriteLine($"subscribed to {subscription.Url}");
            return ExitCodes.Done;
        }));

        var removeUrl = new Argument<string>("URL") { Description = "The feed's URL as subscribed." };
        var remove = new Command("remove", "Unsubscribe from a feed; its articles leave the merged feed (kept for Subscriptions:RemovedGrace).") { removeUrl };
        remove.SetAction((result, cancellationToken) => RunAsync(configArgs, cancellationToken, async (services, token) =>
        {
            var target = result.GetValue(removeUrl)!;
            if (!await services.GetRequiredService<SubscriptionList>().RemoveAsync(target, token))
            {
                await Console.Error.WriteLineAsync($"feedagg: not subscribed to '{target}'.");
                return ExitCodes.CouldNotWork;
            }

            Console.WriteLine($"unsubscribed from {target}");
            return ExitCodes.Done;
        }));

        var goneUrl = new Argument<string>("URL") { Description = "The gone feed's URL as subscribed." };
        var reactivate = new Command("reactivate", "Poll a feed again that answered 410 Gone.") { goneUrl };
        reactivate.SetAction((result, cancellationToken) => RunAsync(configArgs, cancellationToken, async (services, token) =>
        {
            var target = result.GetValue(goneUrl)!;
            var normalised = Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : target;
            if (!await services.GetRequiredService<IFeedStore>().ReactivateAsync(normalised, token))
            {
                await Console.Error.WriteLineAsync($"feedagg: no gone feed has the URL '{target}'.");
                return ExitCodes.CouldNotWork;
            }

            Console.WriteLine($"reactivated {normalised}: it is polled on the next run");
            return ExitCodes.Done;
        }));

        var purgeUrl = new Argument<string>("URL") { Description = "The feed's URL, subscribed or removed." };
        var purge = new Command("purge", "Delete a feed for good, with its articles (unsubscribing it first if needed).") { purgeUrl };
        purge.SetAction((result, cancellationToken) => RunAsync(configArgs, cancellationToken, (services, token) =>
            PurgeAsync(services, result.GetValue(purgeUrl)!, token)));

        var force = new Option<bool>("--force") { Description = "Apply the file even if it removes more than half of the feeds." };
        var sync = new Command("sync", "Apply the OPML file now (the service does so before every poll run).") { force };
        sync.SetAction((result, cancellationToken) => CliHost.RunAsync(configArgs, (services, token) =>
            SyncAsync(services, result.GetValue(force), token), cancellationToken));

        return new Command("feeds", "Manage the subscriptions.") { list, add, remove, reactivate, purge, sync };
    }

    /// <summary>Runs a subscription change in the host, after the store is ready.</summary>
    internal static Task<int> RunAsync(
        IReadOnlyList<string> configArgs, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> change)
    {
        return CliHost.RunAsync(configArgs, async (services, token) =>
        {
            await services.GetRequiredService<StartupTasks>().PrepareStoreAsync(token);
            return await change(services, token);
        }, cancellationToken);
    }

    private static async Task<int> ListAsync(IServiceProvider services, bool asJson, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StartupTasks>().PrepareStoreAsync(cancellationToken);
        var store = services.GetRequiredService<IFeedStore>();
        var feeds = (await store.ListAsync(cancellationToken)).Concat(await store.ListRemovedAsync(cancellationToken));
        var counts = await services.GetRequiredService<IArticleStore>().CountByFeedAsync(cancellationToken);
        var grace = services.GetRequiredService<IOptions<SubscriptionsOptions>>().Value.RemovedGrace;
        var push = HubSubscriptions.ByFeed(await services.GetRequiredService<IWebSubStore>().ListAsync(cancellationToken));
        foreach (var feed in feeds)
        {
            var articles = counts.GetValueOrDefault(feed.Id);
            var purgeAt = feed.RemovedAt + grace;
            var subscription = push.GetValueOrDefault(feed.Id);
            Console.WriteLine(asJson ? JsonLine(feed, articles, purgeAt, subscription) : TextLine(feed, articles, purgeAt, subscription));
        }

        return ExitCodes.Done;
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, string target, CancellationToken cancellationToken)
    {
        var normalised = Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : target;
        // Still in the OPML: unsubscribe first, or the next sync would add it back, empty.
        await services.GetRequiredService<SubscriptionList>().RemoveAsync(normalised, cancellationToken);
        var store = services.GetRequiredService<IFeedStore>();
        var purged = await store.PurgeAsync(normalised, cancellationToken) ?? await store.PurgeAsync(target, cancellationToken);
        if (purged is null)
        {
            await Console.Error.WriteLineAsync($"feedagg: no feed has the URL '{target}'.");
            return ExitCodes.CouldNotWork;
        }

        Console.WriteLine($"purged {purged.Url}: {purged.Articles} articles and {purged.Tombstones} tombstones deleted for good");
        return ExitCodes.Done;
    }

    private static async Task<int> SyncAsync(IServiceProvider services, bool force, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(cancellationToken);
        var sync = services.GetRequiredService<SubscriptionSync>();
        if (await sync.SyncAsync(cancellationToken, allowMassRemoval: force) is not { } changes)
        {
            await Console.Error.WriteLineAsync($"feedagg: the OPML file was not applied: {sync.Refusal ?? "see the message above"}.");
            return ExitCodes.CouldNotWork;
        }

        Console.WriteLine($"{changes.Added} added, {changes.Removed} removed (kept for the grace period), {changes.Restored} restored, {changes.Updated} updated");
        return ExitCodes.Done;
    }

    private static string JsonLine(Feed feed, int articles, DateTimeOffset? purgeAt, HubSubscription? push) => JsonSerializer.Serialize(new
    {
        url = feed.Url,
        id = feed.Id, // the feed_id label of its /metrics series
        title = feed.Title,
        category = feed.Category,
        status = StatusOf(feed),
        last_http_status = feed.LastHttpStatus,
        last_error = feed.LastError,
        warning = feed.Warning,
        consecutive_errors = feed.ConsecutiveErrors,
        last_polled = IsoDate.Format(feed.LastPolledAt),
        last_success = IsoDate.Format(feed.LastSuccessAt),
        next_poll = IsoDate.Format(feed.NextPollAt),
        retry_after = IsoDate.Format(feed.RetryAfter),
        discovered_url = feed.DiscoveredUrl,
        articles,
        removed_at = IsoDate.Format(feed.RemovedAt),
        purge_at = IsoDate.Format(purgeAt),
        websub = push is null ? null : new
        {
            hub = push.Hub,
            topic = push.Topic,
            state = push.State.ToString().ToLowerInvariant(),
            lease_until = IsoDate.Format(push.LeaseUntil),
            pushes = push.Pushes,
            last_push = IsoDate.Format(push.LastPushAt),
            rejected = push.Rejected,
            last_error = push.LastError,
            retry_at = IsoDate.Format(push.RetryAt),
        },
    }, CliJson.Options);

    private static string TextLine(Feed feed, int articles, DateTimeOffset? purgeAt, HubSubscription? push)
    {
        if (feed.RemovedAt is not null)
            return $"{StatusOf(feed),-7} {feed.Url}  \"{feed.DisplayTitle}\"  {articles} articles kept until {IsoDate.Format(purgeAt)} (add it back to restore them)";
        var detail = (feed.LastError, feed.Warning) switch
        {
            ({ } error, _) => $"  ({error})",
            (_, { } warning) => $"  (warning: {warning})",
            _ => "",
        };
        return $"{StatusOf(feed),-6} {feed.Url}  \"{feed.DisplayTitle}\"  {articles} articles, next poll {IsoDate.Format(feed.NextPollAt) ?? "now"}{PushText(push)}{detail}";
    }

    private static string PushText(HubSubscription? push) => push switch
    {
        null => "",
        { State: HubSubscriptionState.Verified } => $", WebSub verified until {IsoDate.Format(push.LeaseUntil)} ({push.Pushes} pushes)",
        _ => $", WebSub {push.State.ToString().ToLowerInvariant()}",
    };

    private static string StatusOf(Feed feed) => feed.RemovedAt is null ? feed.Status.ToString().ToLowerInvariant() : "removed";
}
