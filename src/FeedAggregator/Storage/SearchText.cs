using FeedAggregator.Model;
using FeedAggregator.Processing;

namespace FeedAggregator.Storage;

/// <summary>What ?q= searches besides the title: an article's plain text, never its markup.</summary>
public static class SearchText
{
    /// <summary>The processor's plain text, else (an article built by hand, a stored row) the text of its HTML.</summary>
    public static string Of(Article article) => article.Text ?? HtmlText.ToPlainText(article.ContentHtml ?? article.SummaryHtml);
}
