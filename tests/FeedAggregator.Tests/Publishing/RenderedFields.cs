using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;

namespace FeedAggregator.Tests.Publishing;

/// <summary>
/// What a reader takes from a rendered feed, as named text fields, read with real parsers:
/// SyndicationFeed.Load for Atom and RSS, System.Text.Json for JSON Feed. Field names are the
/// same in every format (RSS "description" is "summary", content:encoded is "content").
/// </summary>
internal sealed record RenderedFields(SortedDictionary<string, string> Feed, IReadOnlyList<SortedDictionary<string, string>> Entries)
{
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public static RenderedFields Read(string fileName, byte[] bytes) => Path.GetExtension(fileName) switch
    {
        ".json" => FromJson(bytes),
        _ => FromSyndication(bytes),
    };

    /// <summary>One field a line, for a readable diff.</summary>
    public static string Describe(SortedDictionary<string, string> fields) =>
        string.Join('\n', fields.Select(f => $"{f.Key}: {f.Value}"));

    private static RenderedFields FromSyndication(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var feed = SyndicationFeed.Load(reader);
        var header = new SortedDictionary<string, string>
        {
            ["title"] = feed.Title?.Text ?? "",
            ["subtitle"] = feed.Description?.Text ?? "",
            ["updated"] = Date(feed.LastUpdatedTime),
            ["links"] = Links(feed.Links),
        };
        return new RenderedFields(header, [.. feed.Items.Select(Entry)]);
    }

    private static SortedDictionary<string, string> Entry(SyndicationItem item)
    {
        var extensions = item.ElementExtensions;
        var authors = item.Authors.Select(a => a.Name ?? a.Email)
            .Concat(extensions.Where(e => e.OuterName == "creator" && e.OuterNamespace == DcNs).Select(Text));
        var encoded = extensions.FirstOrDefault(e => e.OuterName == "encoded" && e.OuterNamespace == ContentNs);
        var content = encoded is not null ? Text(encoded) : (item.Content as TextSyndicationContent)?.Text;
        return new SortedDictionary<string, string>
        {
            ["id"] = item.Id ?? "",
            ["title"] = item.Title?.Text ?? "",
            ["link"] = string.Join(' ', item.Links.Where(l => l.RelationshipType is null or "alternate").Select(l => l.Uri.OriginalString)),
            ["published"] = Date(item.PublishDate),
            ["updated"] = Date(item.LastUpdatedTime),
            ["authors"] = string.Join(" | ", authors),
            ["categories"] = string.Join(" | ", item.Categories.Select(c => c.Name)),
            ["enclosures"] = string.Join(" | ", item.Links.Where(l => l.RelationshipType == "enclosure")
                .Select(l => Enclosure(l.Uri.OriginalString, l.MediaType, l.Length == 0 ? null : l.Length))),
            ["language"] = item.AttributeExtensions.GetValueOrDefault(new XmlQualifiedName("lang", XmlNs)) ?? "",
            ["summary"] = item.Summary?.Text ?? "",
            ["content"] = content ?? "",
            ["source"] = item.SourceFeed is { } source
                ? $"{source.Title?.Text} {source.Id} {Links(source.Links)} {string.Join(',', source.Authors.Select(a => a.Name))}".Trim()
                : "",
        };
    }

    private static RenderedFields FromJson(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var links = new List<string> { $"self {String(root, "feed_url")}", $"alternate {String(root, "home_page_url")}" };
        if (String(root, "next_url") is { Length: > 0 } next)
            links.Add($"next {next}");
        var header = new SortedDictionary<string, string>
        {
            ["title"] = String(root, "title"),
            ["subtitle"] = String(root, "description"),
            ["links"] = string.Join(" | ", links.Order(StringComparer.Ordinal)),
        };
        return new RenderedFields(header, [.. root.GetProperty("items").EnumerateArray().Select(JsonEntry)]);
    }

    private static SortedDictionary<string, string> JsonEntry(JsonElement item)
    {
        var source = item.GetProperty("_source");
        return new SortedDictionary<string, string>
        {
            ["id"] = String(item, "id"),
            ["title"] = String(item, "title"),
            ["link"] = String(item, "url"),
            ["published"] = JsonDate(item, "date_published"),
            ["updated"] = JsonDate(item, "date_modified"),
            ["authors"] = string.Join(" | ", Array(item, "authors").Select(a => String(a, "name"))),
            ["categories"] = string.Join(" | ", Array(item, "tags").Select(t => t.GetString())),
            ["enclosures"] = string.Join(" | ", Array(item, "attachments").Select(a => Enclosure(String(a, "url"), String(a, "mime_type"),
                a.TryGetProperty("size_in_bytes", out var size) ? size.GetInt64() : null))),
            ["language"] = String(item, "language"),
            ["summary"] = String(item, "summary"),
            ["content"] = String(item, "content_html"),
            ["source"] = $"{String(source, "title")} {String(source, "id")} {string.Join(" | ", new[] { ("alternate", "home_page_url"), ("self", "feed_url") }
                .Where(l => String(source, l.Item2).Length > 0).Select(l => $"{l.Item1} {String(source, l.Item2)}"))}".Trim(),
        };
    }

    private static string Text(SyndicationElementExtension extension)
    {
        using var reader = extension.GetReader();
        return reader.ReadElementContentAsString();
    }

    private static string Links(IEnumerable<SyndicationLink> links) => string.Join(" | ", links
        .Select(l => $"{l.RelationshipType ?? "alternate"} {l.Uri.OriginalString}").Order(StringComparer.Ordinal));

    private static string Enclosure(string url, string? type, long? length) =>
        $"{url} {type} {length?.ToString(CultureInfo.InvariantCulture)}".TrimEnd();

    private static string Date(DateTimeOffset value) =>
        value == DateTimeOffset.MinValue ? "" : value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string JsonDate(JsonElement item, string name) =>
        String(item, name) is { Length: > 0 } text ? Date(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)) : "";

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.EnumerateArray() : [];
}
