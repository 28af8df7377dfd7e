using FeedAggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedAggregator.WebSub;

/// <summary>
/// The WebSub subscriber (its store is the provider's, see AddFeedStore): the hub client, the subscription keeper and the callback's
/// two halves (verification, pushed content). Binding <see cref="WebSubOptions"/> and giving it
/// the callback base (<see cref="WebSubOptions.UseCallbackBase"/>) are the caller's.
/// </summary>
public static class WebSubServiceCollectionExtensions
{
    public static IServiceCollection AddWebSubSubscriber(this IServiceCollection services)
    {
        // A hub gets the time a feed gets (Fetching:Timeout) to answer a request.
        services.AddHttpClient(HubClient.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<FetchingOptions>>().Value.Timeout);
        services.AddSingleton<HubClient>();
        services.AddSingleton<WebSubSubscriber>();
        services.AddSingleton<IntentVerifier>();
        services.AddSingleton<PushReceiver>();
        return services;
    }
}
