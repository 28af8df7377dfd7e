using System.Net;
using FeedAggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Fetching;

public sealed class FetchingServiceCollectionExtensionsTests
{
    [Fact]
    public void The_primary_handler_leaves_redirects_and_cookies_to_us_and_decompresses_everything()
    {
        using var handler = FetchingServiceCollectionExtensions.CreatePrimaryHandler(new FetchingOptions());

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.Equal(DecompressionMethods.All, handler.AutomaticDecompression);
        Assert.True(handler.ConnectTimeout <= TimeSpan.FromSeconds(30));
        Assert.NotEqual(Timeout.InfiniteTimeSpan, handler.PooledConnectionLifetime);
    }

    [Fact]
    public void The_connect_timeout_never_exceeds_the_total_timeout()
    {
        using var handler = FetchingServiceCollectionExtensions.CreatePrimaryHandler(new FetchingOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(TimeSpan.FromSeconds(2), handler.ConnectTimeout);
    }

    [Fact]
    public void Registers_the_fetcher_with_default_options()
    {
        using var services = new ServiceCollection().AddLogging().AddFeedFetching().BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<FeedFetcher>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Equal(5, services.GetRequiredService<IOptions<FetchingOptions>>().Value.MaxRedirects);
    }

    [Theory]
    [InlineData(0, 1024, 5)]
    [InlineData(30, 0, 5)]
    [InlineData(30, 1024, -1)]
    public void Rejects_nonsense_options(int timeoutSeconds, long maxBodyBytes, int maxRedirects)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddFeedFetching()
            .Configure<FetchingOptions>(o =>
            {
                o.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
                o.MaxBodyBytes = maxBodyBytes;
                o.MaxRedirects = maxRedirects;
            })
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FetchingOptions>>().Value);
    }
}
