using System.Buffers;
using System.Text;
using System.Text.Json;
using FeedAggregator.Model;

namespace FeedAggregator.Worker.Cli;

/// <summary>The output of <c>feedagg parse</c>: the JSON line of DESIGN.md, or a short text summary.</summary>
internal static class ParseOutput
{
    /// <summary>
    /// The JSON line, written field by field (the same text the serializer wrote for the anonymous
    /// shapes this replaced, without building their metadata by reflection in every short run),
    /// as UTF-8 in pooled segments.
    /// </summary>
    public static Utf8Line ToJsonLine(ParseOutcome outcome) => Utf8Line.Write(buffer => WriteJson(outcome, buffer));

    private static void WriteJson(ParseOutcome outcome, IBufferWriter<byte> buffer)
    {
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CliJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("source", outcome.Source);
            if (outcome.Feed is not { } feed)
            {
                json.WriteBoolean("ok", false);
                json.WriteString("error", outcome.Error);
            }
            else
            {
                json.WriteBoolean("ok", true);
                json.WriteString("format", feed.Format.ToString().ToLowerInvariant());
                json.WriteString("title", outcome.Titles.Feed ?? feed.Title);
                json.WriteString("title_type", outcome.Titles.Feed is null ? "text" : "html");
                json.WriteString("link", feed.Link);
                json.WriteString("language", feed.Language);
                json.WriteBoolean("recovered", feed.Recovered);
                Strings(json, "warnings", outcome.Warnings);
                json.WriteStartArray("entries");
                for (var i = 0; i < outcome.Articles.Count; i++)
                    Entry(json, outcome.Articles[i], outcome.Titles.Entry(i));
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }

    private static void Entry(Utf8JsonWriter json, Article article, string? markupTitle)
    {
        json.WriteStartObject();
        json.WriteString("id", article.SourceId ?? article.Url ?? article.Key);
        json.WriteString("title", markupTitle ?? article.Title);
        json.WriteString("title_type", markupTitle is null ? "text" : "html");
        json.WriteString("link", article.Url);
        json.WriteString("published", IsoDate.Format(article.Published));
        json.WriteString("updated", IsoDate.Format(article.Updated));
        // The contract is a list of strings: the name, or the e-mail when there is no name.
        Strings(json, "authors", article.Authors.Select(a => a.Label));
        json.WriteString("summary", article.SummaryHtml ?? "");
        json.WriteString("content", article.ContentHtml ?? "");
        Strings(json, "categories", article.Categories);
        json.WriteStartArray("enclosures");
        foreach (var enclosure in article.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("url", enclosure.Url);
            json.WriteString("type", enclosure.Type);
            json.WriteNumber("length", enclosure.Length ?? 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("language", article.Language);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

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
