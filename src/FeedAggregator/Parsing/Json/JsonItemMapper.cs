using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Json;

/// <summary>One JSON Feed item to a <see cref="ParsedEntry"/>.</summary>
internal static class JsonItemMapper
{
    public static ParsedEntry Map(JsonElement item, List<Author> feedAuthors, ParseContext context)
    {
        var title = HtmlText.CollapseWhitespace(JsonValues.String(item, "title"));
        var id = JsonValues.StringOrNumber(item, "id");
        var authors = JsonValues.Authors(JsonValues.Property(item, "authors"), JsonValues.Property(item, "author"));
        var text = JsonValues.String(item, "content_text");
        var summary = JsonValues.String(item, "summary");
        // As in Atom: an item with only a modification date is dated by it.
        var updated = context.Date(title ?? id, ("date_modified", JsonValues.String(item, "date_modified")));

        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = JsonValues.String(item, "url") ?? JsonValues.String(item, "external_url"),
            Published = context.Date(title ?? id, ("date_published", JsonValues.String(item, "date_published"))) ?? updated,
            Updated = updated,
            Authors = authors.Count > 0 ? authors : feedAuthors,
            Summary = summary is null ? null : HtmlText.Escape(summary),
            Content = JsonValues.String(item, "content_html") ?? (text is null ? null : HtmlText.Escape(text)),
            Categories = [.. JsonValues.Array(JsonValues.Property(item, "tags"))
                .Where(t => t.ValueKind == JsonValueKind.String)
                .Select(t => HtmlText.CollapseWhitespace(t.GetString()))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)],
            Enclosures = [.. JsonValues.Array(JsonValues.Property(item, "attachments"))
                .Select(a => (Url: JsonValues.String(a, "url"), Attachment: a))
                .Where(a => a.Url is not null)
                .Select(a => new Enclosure(a.Url!, JsonValues.String(a.Attachment, "mime_type"), JsonValues.Length(a.Attachment, "size_in_bytes")))
                .DistinctBy(e => e.Url)],
            Language = JsonValues.String(item, "language"),
        };
    }
}
