using FeedAggregator.Model;
using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>JSON Feed top-level and item fields: hubs, self URL, precedence, dates, sizes, lenient syntax.</summary>
public sealed class JsonFeedFieldsTests
{
    private static ParsedFeed Json(string items, string top = "") =>
        ParseText($$"""{"version":"https://jsonfeed.org/version/1.1","title":"Kitchen",{{top}}"items":[{{items}}]}""").Feed!;

    [Fact]
    public void Only_websub_hubs_are_kept_and_the_feed_url_is_the_self_url()
    {
        var feed = Json("", """
            "feed_url":"https://kitchen.example.com/feed.json",
            "hubs":[{"type":"WebSub","url":"https://hub.example.com/"},{"type":"rssCloud","url":"https://cloud.example.com/"},{"type":"websub"}],
            """);

        Assert.Equal(["https://hub.example.com/"], feed.Hubs);
        Assert.Equal("https://kitchen.example.com/feed.json", feed.SelfUrl);
    }

    [Fact]
    public void An_item_url_comes_before_its_external_url_and_html_content_before_text()
    {
        var entry = Assert.Single(Json("""
            {"id":"1","url":"https://kitchen.example.com/soup","external_url":"https://elsewhere.example.com/soup",
             "content_html":"<p>Soup</p>","content_text":"Soup & bread"}
            """).Entries);

        Assert.Equal("https://kitchen.example.com/soup", entry.Link);
        Assert.Equal("<p>Soup</p>", entry.Content);
    }

    [Fact]
    public void An_unreadable_date_names_its_field_and_the_item_by_title_else_by_id()
    {
        var feed = Json("""
            {"id":"1","title":"Soup","date_published":"never","date_modified":"later"},
            {"id":"2","date_published":"never"}
            """);

        Assert.Equal(
            [
                "unreadable date_modified \"later\" in entry \"Soup\"; left empty",
                "unreadable date_published \"never\" in entry \"Soup\"; left empty",
                "unreadable date_published \"never\" in entry \"2\"; left empty",
            ],
            feed.Warnings);
    }

    [Fact]
    public void An_attachment_size_is_kept_only_when_it_is_a_whole_number_not_below_zero()
    {
        var entry = Assert.Single(Json("""
            {"id":"1","attachments":[
              {"url":"https://kitchen.example.com/a.mp3","size_in_bytes":0},
              {"url":"https://kitchen.example.com/b.mp3","size_in_bytes":1.5},
              {"url":"https://kitchen.example.com/c.mp3","size_in_bytes":-1}]}
            """).Entries);

        Assert.Equal([0L, null, null], entry.Enclosures.Select(e => e.Length));
    }

    [Fact]
    public void The_authors_array_comes_before_a_json_feed_1_0_author()
    {
        var entry = Assert.Single(Json("""{"id":"1","authors":[{"name":"Ana Ruiz"}],"author":{"name":"Ben Cho"}}""").Entries);

        Assert.Equal([new Author("Ana Ruiz", null)], entry.Authors);
    }

    [Fact]
    public void Trailing_commas_and_comments_are_tolerated()
    {
        var result = ParseText("""
            {
              // written by hand
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Kitchen",
              "items": [{"id": "1", "title": "Soup",},],
            }
            """);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Soup", Assert.Single(result.Feed!.Entries).Title);
    }

    [Fact]
    public void A_cut_off_document_keeps_the_items_read_before_the_break_even_without_a_title()
    {
        var result = ParseText("""{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Soup"},{"id":"2","ti""");

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Soup", Assert.Single(result.Feed!.Entries).Title);
        Assert.StartsWith("malformed or cut-off JSON: ", Assert.Single(result.Feed.Warnings));
        Assert.EndsWith("; kept the 1 entries read before it", result.Feed.Warnings[0]);
    }
}
