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

    /// <summary>
    /// The JSON line written to <paramref name="output"/> as each entry is processed, never held
    /// whole: for a large document, read as a <see cref="Parsing.StreamedFeed"/>.
    /// </summary>
    public static void WriteJson(ParseOutcome outcome, TextWriter output)
    {
        var buffer = new TextWriterBuffer(output);
        WriteJson(outcome, buffer);
        buffer.Flush();
    }

    // The warnings come after the entries: they include what processing the entries cut, and
    // so the entries can be written as they are processed.
    private static void WriteJson(ParseOutcome outcome, IBufferWriter<byte> buffer)
    {
        // The JSON writer asks for room for the worst case of each string (six bytes a character);
        // written into a scratch buffer and copied on, an entry leaves no segment mostly empty.
        var scratch = new ArrayBufferWriter<byte>(16 * 1024);
        using var json = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = CliJson.Options.Encoder });
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
            json.WriteStartArray("entries");
            outcome.ForEachArticle((article, markupTitle) =>
            {
                Entry(json, article, markupTitle);
                CopyOn(json, scratch, buffer);
            });
            json.WriteEndArray();
            Strings(json, "warnings", outcome.Warnings);
        }

        json.WriteEndObject();
        CopyOn(json, scratch, buffer);
    }

    private static void CopyOn(Utf8JsonWriter json, ArrayBufferWriter<byte> scratch, IBufferWriter<byte> buffer)
    {
        json.Flush();
        buffer.Write(scratch.WrittenSpan);
        scratch.ResetWrittenCount();
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
        var articles = new StringBuilder();
        var count = 0;
        outcome.ForEachArticle((article, _) =>
        {
            articles.Append($"\n  {IsoDate.Format(article.Published) ?? "(no date)",-20} {article.Title}");
            count++;
        });
        var text = new StringBuilder();
        text.Append($"{outcome.Source}: {feed.Format.ToString().ToLowerInvariant()} \"{feed.Title}\", {count} entries");
        foreach (var warning in outcome.Warnings)
            text.Append($"\n  warning: {warning}");
        return text.Append(articles).ToString();
    }
}
