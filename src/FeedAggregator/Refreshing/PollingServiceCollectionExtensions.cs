using FeedAggregator.Fetching;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Subscriptions;
using FeedAggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedAggregator.Refreshing;

/// <summary>
/// The stages a poll runs through, from the subscription list to the poll cycle, registered in
/// one place for the service and for tests. The stores and options are the caller's to provide.
/// </summary>
public static class PollingServiceCollectionExtensions
{
    public static IServiceCollection AddPollingPipeline(this IServiceCollection services)
    {
        services.AddSingleton<SubscriptionSync>();
        services.AddSingleton<SubscriptionList>();
        services.AddFeedFetching();
        services.AddMetrics();
        services.TryAddSingleton<ParseMetrics>();
        services.TryAddSingleton<PollMetrics>();
        services.TryAddSingleton<ArticleMetrics>();
        services.AddSingleton<FeedParser>();
        services.AddSingleton<ContentSanitizer>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<PollSchedule>();
        services.AddSingleton<PollerIdentity>();
        services.AddSingleton<FeedRefresher>();
        services.AddSingleton<PollCycle>();
        return services;
    }
}
