using System.Text;
using System.Text.Json;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Storage;

namespace FeedAggregator.Tests.Publishing;

public sealed class JsonFeedWriterTests
{
    private static readonly JsonFeedWriter Writer = new();

    private static JsonElement Render(MergedFeed feed)
    {
        using var document = JsonDocument.Parse(Writer.Write(feed));
        return document.RootElement.Clone();
    }

    private static JsonElement FirstItem(MergedItem item) => Render(PublishingSamples.Feed(item)).GetProperty("items")[0];

    [Fact]
    public void Top_level_fields_follow_json_feed_1_1()
    {
        var root = Render(PublishingSamples.Mixed());

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("FeedAggregator: merged feed", root.GetProperty("title").GetString());
        Assert.Equal("http://localhost:5080/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("http://localhost:5080/feed.json", root.GetProperty("feed_url").GetString());
        Assert.Equal("Everything the subscribed feeds published, newest first.", root.GetProperty("description").GetString());
        Assert.False(root.TryGetProperty("language", out _));
        Assert.Equal(
            ["tag:localhost,2024:article:1", "tag:localhost,2024:article:2", "tag:localhost,2024:article:3"],
            root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void Item_carries_every_field()
    {
        var item = FirstItem(PublishingSamples.English());

        Assert.Equal("https://news.example.com/2024/03/night-buses?utm=feed&page=1", item.GetProperty("url").GetString());
        Assert.Equal("Night buses extended to the harbour district", item.GetProperty("title").GetString());
        Assert.StartsWith("<p>The city council voted", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "Council extends night buses to the harbour district: three new routes from March. Ridership more than doubled during the pilot.",
            item.GetProperty("summary").GetString());
        Assert.Equal("2024-03-02T09:15:00Z", item.GetProperty("date_published").GetString());
        Assert.Equal("2024-03-02T09:20:00Z", item.GetProperty("date_modified").GetString());
        Assert.Equal(["Jane Doe", "Omar Haddad"], item.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["Transport", "City council"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var attachment = Assert.Single(item.GetProperty("attachments").EnumerateArray());
        Assert.Equal("https://example.com/img/night-bus.jpg", attachment.GetProperty("url").GetString());
        Assert.Equal("image/jpeg", attachment.GetProperty("mime_type").GetString());
        Assert.Equal(48213, attachment.GetProperty("size_in_bytes").GetInt64());
        Assert.Equal("en", item.GetProperty("language").GetString());
        var source = item.GetProperty("_source");
        Assert.Equal("City News", source.GetProperty("title").GetString());
        Assert.Equal("https://news.example.com/feed.xml", source.GetProperty("feed_url").GetString());
        Assert.Equal("https://news.example.com/", source.GetProperty("home_page_url").GetString());
        Assert.Equal("tag:localhost,2024:source:1", source.GetProperty("id").GetString());
    }

    [Fact]
    public void Arabic_item_has_its_language_and_right_to_left_html_written_as_is()
    {
        var bytes = Writer.Write(PublishingSamples.Feed(PublishingSamples.Arabic()));
        var item = FirstItem(PublishingSamples.Arabic());

        Assert.Equal("ar", item.GetProperty("language").GetString());
        Assert.StartsWith("<div dir=\"rtl\"><p>افتتحت", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("أعادت المكتبة العامة فتح أبوابها بعد ترميم دام عامين.", item.GetProperty("summary").GetString());

        // Written as UTF-8 text, not \u escapes.
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("المكتبة", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_without_url_or_published_or_content_is_dated_when_first_seen()
    {
        var item = FirstItem(PublishingSamples.PodcastEpisode());

        Assert.False(item.TryGetProperty("url", out _));
        Assert.Equal("2024-02-27T12:00:00Z", item.GetProperty("date_published").GetString());
        Assert.False(item.TryGetProperty("authors", out _));
        Assert.Equal("2024-02-28T07:00:00Z", item.GetProperty("date_modified").GetString());
        Assert.Contains("community radio", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.False(item.GetProperty("_source").TryGetProperty("home_page_url", out _));
    }

    [Fact]
    public void Attachments_without_type_or_size()
    {
        var attachments = FirstItem(PublishingSamples.PodcastEpisode()).GetProperty("attachments");

        Assert.Equal(2, attachments.GetArrayLength());
        Assert.Equal(31_457_280, attachments[0].GetProperty("size_in_bytes").GetInt64());
        Assert.Equal("application/octet-stream", attachments[1].GetProperty("mime_type").GetString());
        Assert.False(attachments[1].TryGetProperty("size_in_bytes", out _));
    }

    [Fact]
    public void Title_only_item_still_has_content_html()
    {
        var item = FirstItem(new MergedItem(PublishingSamples.Article(9, "Title only"), PublishingSamples.CityNews));

        Assert.Equal(string.Empty, item.GetProperty("content_html").GetString());
        Assert.False(item.TryGetProperty("summary", out _));
    }

    [Fact]
    public void Empty_feed_has_an_empty_items_array()
    {
        var root = Render(PublishingSamples.Feed());

        Assert.Equal(JsonValueKind.Array, root.GetProperty("items").ValueKind);
        Assert.Equal(0, root.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var item = FirstItem(PublishingSamples.ControlCharacters());

        Assert.Equal("Bell and null in the title \U0001F68C", item.GetProperty("title").GetString());
        Assert.Equal("Formfeed and next line", item.GetProperty("summary").GetString());
        Assert.Equal("<p>Verticaltab, lone low, keep\ttab\r\nand newline</p>", item.GetProperty("content_html").GetString());
        Assert.Equal("City News", item.GetProperty("_source").GetProperty("title").GetString());
    }

    [Fact]
    public void A_feed_with_a_hub_announces_it_as_websub()
    {
        var root = Render(PublishingSamples.Mixed() with
        {
            Navigation = FeedNavigation.For(new FeedView(ArticleFilter.None, 50), 3, "https://hub.example/"),
        });

        var hub = Assert.Single(root.GetProperty("hubs").EnumerateArray());
        Assert.Equal("WebSub", hub.GetProperty("type").GetString());
        Assert.Equal("https://hub.example/", hub.GetProperty("url").GetString());
    }

    [Fact]
    public void An_item_without_categories_or_enclosures_has_no_empty_tags_or_attachments()
    {
        var item = FirstItem(new MergedItem(PublishingSamples.Article(5, "Bare"), PublishingSamples.CityNews));

        Assert.False(item.TryGetProperty("tags", out _));
        Assert.False(item.TryGetProperty("attachments", out _));
        Assert.False(Render(PublishingSamples.Mixed()).TryGetProperty("hubs", out _));
    }

    [Fact]
    public void The_document_is_compact()
    {
        Assert.StartsWith("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":", Encoding.UTF8.GetString(Writer.Write(PublishingSamples.Mixed())), StringComparison.Ordinal);
    }
}
