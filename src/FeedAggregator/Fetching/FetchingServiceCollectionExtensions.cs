using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Fetching;

public static class FetchingServiceCollectionExtensions
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Registers <see cref="FeedFetcher"/> as a typed HttpClient and validates
    /// <see cref="FetchingOptions"/>. Binding is the caller's:
    /// <c>services.AddOptions&lt;FetchingOptions&gt;().BindConfiguration(FetchingOptions.SectionName)</c>.
    /// </summary>
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<FetchMetrics>();
        services.AddOptions<FetchingOptions>()
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromHours(1), "Fetching:Timeout must be between 0 and 1 hour.")
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxBodyBytes <= Array.MaxLength, "Fetching:MaxBodyBytes must be positive and under 2 GB.")
            .Validate(o => o.MaxRedirects >= 0, "Fetching:MaxRedirects must not be negative.")
            .ValidateOnStart();

        // The typed client is made by this factory: AddHttpClient<FeedFetcher> would make it with
        // ActivatorUtilities, which compiles an expression tree at first use (a start-up cost).
        services.AddHttpClient(nameof(FeedFetcher), client => client.Timeout = Timeout.InfiniteTimeSpan) // FeedFetcher times the whole fetch itself
            .AddTypedClient((http, sp) => new FeedFetcher(
                http, sp.GetRequiredService<IOptions<FetchingOptions>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FeedFetcher>>(), sp.GetService<FetchMetrics>()))
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptions<FetchingOptions>>().Value))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan) // the handler recycles its own connections (PooledConnectionLifetime)
            .RemoveAllLoggers(); // FeedFetcher logs each fetch with FeedUrl; the factory's per-request lines would repeat it
        return services;
    }

    internal static SocketsHttpHandler CreatePrimaryHandler(FetchingOptions options) => new()
    {
        AllowAutoRedirect = false, // FeedFetcher follows redirects itself to tell permanent from temporary
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false, // a feed poll is stateless; no server gets to track us across polls
        ConnectTimeout = options.Timeout < MaxConnectTimeout ? options.Timeout : MaxConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes of long-lived hosts
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    };
}
