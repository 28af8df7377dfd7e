using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedAggregator.Publishing.Writers;

/// <summary>JSON Feed 1.1 (jsonfeed.org/version/1.1) with a "_source" extension per item.</summary>
public sealed class JsonFeedWriter : IFeedWriter
{
    // Served as application/feed+json, never inlined in a page, so non-ASCII text and HTML
    // characters are written as they are instead of \u escapes.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public FeedDocument Document => FeedDocument.Json;

    public byte[] Write(MergedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            WriteText(json, "title", feed.Title);
            json.WriteString("home_page_url", FeedLinks.Page(feed));
            json.WriteString("feed_url", FeedLinks.Json(feed));
            if (!string.IsNullOrWhiteSpace(feed.Description))
            {
                WriteText(json, "description", feed.Description);
            }

            WriteNavigation(json, feed);
            json.WriteStartArray("items");
            foreach (var item in feed.Items)
            {
                WriteItem(json, ItemView.From(item, feed));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, ItemView item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        if (item.Url is not null)
        {
            json.WriteString("url", item.Url);
        }

        json.WriteString("title", item.Title);

        // The spec requires content_html or content_text; the summary stands in when there is no content.
        json.WriteString("content_html", item.Directed(item.ContentHtml ?? item.SummaryHtml) ?? string.Empty);
        if (item.SummaryHtml is not null)
        {
            WriteText(json, "summary", Processing.HtmlText.ToPlainText(item.SummaryHtml));
        }

        json.WriteString("date_published", FeedDates.Rfc3339(item.Published));
        json.WriteString("date_modified", FeedDates.Rfc3339(item.Updated));
        if (item.Authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in item.Authors)
            {
                WriteAuthor(json, author);
            }

            json.WriteEndArray();
        }

        if (item.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
        }

        WriteAttachments(json, item);
        if (item.Language is not null)
        {
            json.WriteString("language", item.Language);
        }

        json.WriteStartObject("_source");
        json.WriteString("title", item.Source.Title);
        json.WriteString("feed_url", item.Source.FeedUrl);
        if (item.Source.SiteUrl is not null)
        {
            json.WriteString("home_page_url", item.Source.SiteUrl);
        }

        json.WriteString("id", item.Source.Id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAuthor(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteAttachments(Utf8JsonWriter json, ItemView item)
    {
        if (item.Enclosures.Count == 0)
        {
            return;
        }

        json.WriteStartArray("attachments");
        foreach (var enclosure in item.Enclosures)
        {
            json.WriteStartObject();
            json.WriteString("url", enclosure.Url);
            json.WriteString("mime_type", enclosure.MediaType ?? EnclosureView.UnknownMediaType);
            if (enclosure.Length is { } length)
            {
                json.WriteNumber("size_in_bytes", length);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // JSON Feed pages with next_url (older items) and announces WebSub in hubs.
    private static void WriteNavigation(Utf8JsonWriter json, MergedFeed feed)
    {
        foreach (var (rel, href) in FeedLinks.Navigation(feed, FeedDocument.Json))
        {
            if (rel == "next")
            {
                json.WriteString("next_url", href);
            }
            else if (rel == "hub")
            {
                json.WriteStartArray("hubs");
                json.WriteStartObject();
                json.WriteString("type", "WebSub");
                json.WriteString("url", href);
                json.WriteEndObject();
                json.WriteEndArray();
            }
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text) =>
        json.WriteString(name, CharacterFilter.Strip(text));
}
