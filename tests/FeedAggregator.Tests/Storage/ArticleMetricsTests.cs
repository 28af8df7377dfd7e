using FeedAggregator.Storage;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedAggregator.Tests.Storage;

/// <summary>feedagg.articles counts each save's articles by what happened to them; nothing for a change that did not happen.</summary>
public sealed class ArticleMetricsTests
{
    [Fact]
    public void Each_kind_of_change_is_counted_under_its_tag_and_empty_kinds_are_not_recorded()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var collector = Measured.Collect<long>(services, "feedagg.articles");
        var metrics = new ArticleMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        metrics.Stored(new StoreSummary(Added: 3, Updated: 2, Unchanged: 4, Merged: 1), skipped: 5);
        metrics.Stored(new StoreSummary(0, 0, 0), skipped: 0);
        metrics.Removed(6);
        metrics.Removed(0);

        Assert.Equal(
            [("new", 3L), ("updated", 2L), ("unchanged", 9L), ("merged", 1L), ("removed", 6L)],
            collector.GetMeasurementSnapshot().Select(m => ((string)m.Tags["change"]!, m.Value)));
        Assert.Equal("{article}", collector.Instrument!.Unit);
        Assert.StartsWith("Articles by change: new, updated, unchanged", collector.Instrument.Description);
    }
}
