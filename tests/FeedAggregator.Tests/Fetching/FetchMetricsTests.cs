using FeedAggregator.Fetching;
using FeedAggregator.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Fetching;

/// <summary>Every fetch is measured: its duration by outcome, and the size of the document it brought.</summary>
public sealed class FetchMetricsTests
{
    [Theory]
    [InlineData(200, "content")]
    [InlineData(304, "not_modified")]
    [InlineData(410, "gone")]
    [InlineData(404, "failed")]
    public async Task Each_fetch_records_its_duration_tagged_with_the_outcome(int status, string outcome)
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            context.Response.StatusCode = status;
            return status == 200 ? context.Response.WriteAsync("<rss/>") : Task.CompletedTask;
        });
        using var services = new ServiceCollection().AddLogging().AddFeedFetching().BuildServiceProvider();
        using var durations = Measured.Collect<double>(services, "feedagg.fetch.duration");

        await services.GetRequiredService<FeedFetcher>().FetchAsync(new FetchRequest(server.Url("/feed")), CancellationToken.None);

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(outcome, measurement.Tags["outcome"]);
        Assert.True(measurement.Value >= 0);
    }

    [Fact]
    public async Task The_body_size_is_recorded_for_content_only()
    {
        await using var server = await LocalHttpServer.StartAsync("/feed", context =>
        {
            if (context.Request.Query.ContainsKey("gone"))
            {
                context.Response.StatusCode = StatusCodes.Status410Gone;
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync(new string('x', 1234));
        });
        using var services = new ServiceCollection().AddLogging().AddFeedFetching().BuildServiceProvider();
        using var sizes = Measured.Collect<long>(services, "feedagg.fetch.body.size");
        var fetcher = services.GetRequiredService<FeedFetcher>();

        await fetcher.FetchAsync(new FetchRequest(server.Url("/feed")), CancellationToken.None);
        await fetcher.FetchAsync(new FetchRequest(server.Url("/feed?gone")), CancellationToken.None);

        Assert.Equal(1234, Assert.Single(sizes.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void The_instruments_carry_their_units_and_descriptions()
    {
        using var services = new ServiceCollection().AddLogging().AddFeedFetching().BuildServiceProvider();
        using var durations = Measured.Collect<double>(services, "feedagg.fetch.duration");
        using var sizes = Measured.Collect<long>(services, "feedagg.fetch.body.size");

        services.GetRequiredService<FetchMetrics>();

        Assert.Equal("s", durations.Instrument?.Unit);
        Assert.Equal("By", sizes.Instrument?.Unit);
        Assert.False(string.IsNullOrWhiteSpace(durations.Instrument?.Description));
        Assert.False(string.IsNullOrWhiteSpace(sizes.Instrument?.Description));
    }

    [Theory]
    [InlineData(FetchOutcome.Content, "content")]
    [InlineData(FetchOutcome.NotModified, "not_modified")]
    [InlineData(FetchOutcome.Gone, "gone")]
    [InlineData(FetchOutcome.Failed, "failed")]
    public void Outcomes_have_stable_tag_values(FetchOutcome outcome, string name) =>
        Assert.Equal(name, FetchMetrics.OutcomeName(outcome));
}
