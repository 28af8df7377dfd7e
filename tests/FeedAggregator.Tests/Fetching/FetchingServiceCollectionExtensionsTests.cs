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

    [Fact]
    public void The_connect_timeout_is_capped_below_a_long_total_timeout()
    {
        using var handler = FetchingServiceCollectionExtensions.CreatePrimaryHandler(new FetchingOptions { Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(TimeSpan.FromSeconds(15), handler.ConnectTimeout);
    }

    [Fact]
    public void A_null_service_collection_is_an_argument_error() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => FetchingServiceCollectionExtensions.AddFeedFetching(null!)).ParamName);

    [Theory]
    [InlineData(0, 1024, 5, "Fetching:Timeout")]
    [InlineData(3601, 1024, 5, "Fetching:Timeout")]
    [InlineData(30, 0, 5, "Fetching:MaxBodyBytes")]
    [InlineData(30, (long)int.MaxValue, 5, "Fetching:MaxBodyBytes")]
    [InlineData(30, 1024, -1, "Fetching:MaxRedirects")]
    public void Rejects_nonsense_options_naming_the_key(int timeoutSeconds, long maxBodyBytes, int maxRedirects, string key)
    {
        using var services = WithOptions(timeoutSeconds, maxBodyBytes, maxRedirects);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FetchingOptions>>().Value);
        Assert.Contains(error.Failures, failure => failure.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_the_largest_allowed_limits()
    {
        using var services = WithOptions(3600, Array.MaxLength, 0);

        var options = services.GetRequiredService<IOptions<FetchingOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(1), options.Timeout);
        Assert.Equal(Array.MaxLength, options.MaxBodyBytes);
    }

    private static ServiceProvider WithOptions(int timeoutSeconds, long maxBodyBytes, int maxRedirects) =>
        new ServiceCollection()
            .AddLogging()
            .AddFeedFetching()
            .Configure<FetchingOptions>(o =>
            {
                o.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
                o.MaxBodyBytes = maxBodyBytes;
                o.MaxRedirects = maxRedirects;
            })
            .BuildServiceProvider();
}
