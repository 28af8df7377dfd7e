using System.Diagnostics.Metrics;
using FeedAggregator.Diagnostics;

namespace FeedAggregator.Storage;

/// <summary>What storing did to articles: new (of which merged into another feed's story), updated, unchanged, removed by retention.</summary>
public sealed class ArticleMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _articles = Metering.Create(meters).CreateCounter<long>(
        "feedagg.articles", "{article}",
        "Articles by change: new, updated, unchanged (skipped before processing or equal when stored), merged (new ones that joined another article's story), removed (by retention).");

    /// <param name="skipped">Entries recognised as unchanged before processing.</param>
    public void Stored(StoreSummary summary, int skipped)
    {
        Add("new", summary.Added);
        Add("updated", summary.Updated);
        Add("unchanged", summary.Unchanged + skipped);
        Add("merged", summary.Merged);
    }

    public void Removed(int count) => Add("removed", count);

    private void Add(string change, int count)
    {
        if (count > 0)
            _articles.Add(count, Metering.Tag("change", change));
    }
}
