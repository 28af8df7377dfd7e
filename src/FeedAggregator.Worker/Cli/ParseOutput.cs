using System.Text;
using System.Text.Json;
using FeedAggregator.Model;

namespace FeedAggregator.Worker.Cli;

/// <summary>The output of <c>feedagg parse</c>: the JSON line of DESIGN.md, or a short text summary.</summary>
internal static class ParseOutput
{
    public static string ToJsonLine(ParseOutcome outcome)
    {
        if (outcome.Feed is not { } feed)
            return JsonSerializer.Serialize(new { source = outcome.Source, ok = false, error = outcome.Error }, CliJson.Options);

        return JsonSerializer.Serialize(new
        {
            source = outcome.Source,
            ok = true,
            format = feed.Format.ToString().ToLowerInvariant(),
            title = outcome.Titles.Feed ?? feed.Title,
            title_type = outcome.Titles.Feed is null ? "text" : "html",
            link = feed.Link,
            language = feed.Language,
            warnings = outcome.Warnings,
            entries = outcome.Articles.Select((article, i) => Entry(article, outcome.Titles.Entry(i))),
        }, CliJson.Options);
    }

    private static object Entry(Article article, string? markupTitle) => new
    {
        id = article.SourceId ?? article.Url ?? article.Key,
        title = markupTitle ?? article.Title,
        title_type = markupTitle is null ? "text" : "html",
        link = article.Url,
        published = IsoDate.Format(article.Published),
        updated = IsoDate.Format(article.Updated),
        authors = article.Authors,
        summary = article.SummaryHtml ?? "",
        content = article.ContentHtml ?? "",
        categories = article.Categories,
        enclosures = article.Enclosures.Select(e => new { url = e.Url, type = e.Type, length = e.Length ?? 0 }),
        language = article.Language,
    };

    public static string ToText(ParseOutcome outcome)
    {
        if (outcome.Feed is not { } feed)
            return $"{outcome.Source}: error: {outcome.Error}";
        var text = new StringBuilder();
        text.Append($"{outcome.Source}: {feed.Format.ToString().ToLowerInvariant()} \"{feed.Title}\", {outcome.Articles.Count} entries");
        foreach (var warning in outcome.Warnings)
            text.Append($"\n  warning: {warning}");
        foreach (var article in outcome.Articles)
            text.Append($"\n  {IsoDate.Format(article.Published) ?? "(no date)",-20} {article.Title}");
        return text.ToString();
    }
}
