using FeedAggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Fetching;

/// <summary>A FeedFetcher built the way the app builds it: through AddFeedFetching and DI.</summary>
internal sealed class FetcherHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public FetcherHarness(Action<FetchingOptions>? configure = null, TimeProvider? time = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddFeedFetching();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        _services = services.BuildServiceProvider(validateScopes: true);
        Fetcher = _services.GetRequiredService<FeedFetcher>();
    }

    public FeedFetcher Fetcher { get; }

    public Task<FetchResult> FetchAsync(Uri url, string? etag = null, string? lastModified = null) =>
        Fetcher.FetchAsync(new FetchRequest(url, etag, lastModified), CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
