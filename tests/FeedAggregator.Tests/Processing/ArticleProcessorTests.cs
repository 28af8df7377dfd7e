using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class ArticleProcessorTests
{
    private static readonly ArticleProcessor Processor = new(new ContentSanitizer());
    private static readonly Uri DocumentUrl = new("https://news.example/feeds/all.xml");

    private static Article ProcessOne(ParsedEntry entry, string? feedLanguage = null, Uri? feedBase = null) =>
        Processor.Process(new ParsedFeed { Format = FeedFormat.Rss20, Language = feedLanguage, BaseUrl = feedBase, Entries = [entry] }, DocumentUrl).Single();

    [Fact]
    public void Links_and_enclosures_resolve_against_the_entry_base_then_the_feed_then_the_document()
    {
        Assert.Equal("https://news.example/feeds/story/1", ProcessOne(new ParsedEntry { Link = "story/1" }).Url);
        Assert.Equal("https://cdn.example/x/story", ProcessOne(new ParsedEntry { Link = "story" }, feedBase: new Uri("https://cdn.example/x/")).Url);
        var entry = new ParsedEntry
        {
            Link = "/a",
            BaseUrl = new Uri("https://entry.example/"),
            Enclosures = [new Enclosure("ep.mp3", "audio/mpeg", null), new Enclosure("javascript:x", null, null)],
        };
        var article = ProcessOne(entry);
        Assert.Equal("https://entry.example/a", article.Url);
        Assert.Equal(["https://entry.example/ep.mp3"], article.Enclosures.Select(e => e.Url));
    }

    [Fact]
    public void Identity_falls_back_from_guid_to_link_to_a_content_hash()
    {
        Assert.Equal("guid:urn:1", ProcessOne(new ParsedEntry { Id = " urn:1 ", Link = "https://x.example/1" }).Key);
        Assert.Equal("link:https://x.example/1", ProcessOne(new ParsedEntry { Link = "https://x.example/1" }).Key);
        var a = ProcessOne(new ParsedEntry { Title = "T", Content = "<p>body</p>" });
        var b = ProcessOne(new ParsedEntry { Title = "T", Content = "<p>body</p>" });
        var c = ProcessOne(new ParsedEntry { Title = "T", Content = "<p>other</p>" });
        Assert.StartsWith("hash:", a.Key);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
    }

    [Fact]
    public void A_missing_title_comes_from_the_first_words_of_the_content()
    {
        var article = ProcessOne(new ParsedEntry { Content = "<p>" + string.Join(' ', Enumerable.Repeat("word", 60)) + "</p>" });
        Assert.EndsWith("…", article.Title);
        Assert.True(article.Title.Length <= 101);
        // A parsed title is already text: decoding it again would turn "&lt;" written as text into "<".
        Assert.Equal("Tags like <b> & &lt;i&gt;", ProcessOne(new ParsedEntry { Title = " Tags like <b> & &lt;i&gt; " }).Title);
    }

    [Fact]
    public void Language_comes_from_the_entry_then_the_feed_then_the_script()
    {
        Assert.Equal("fr-CA", ProcessOne(new ParsedEntry { Title = "x", Language = "fr_ca" }, feedLanguage: "en").Language);
        Assert.Equal("en-US", ProcessOne(new ParsedEntry { Title = "x" }, feedLanguage: "EN-us").Language);
        Assert.Equal("ar", ProcessOne(new ParsedEntry { Title = "اتفق وزير الخارجية الصيني على مواصلة الجهود" }).Language);
        Assert.Null(ProcessOne(new ParsedEntry { Title = "An English title" }).Language);
    }

    [Fact]
    public void The_content_hash_changes_with_what_is_published_and_only_then()
    {
        var entry = new ParsedEntry { Id = "1", Title = "T", Content = "<p>a</p>" };
        Assert.Equal(ProcessOne(entry).ContentHash, ProcessOne(entry).ContentHash);
        Assert.NotEqual(ProcessOne(entry).ContentHash, ProcessOne(entry with { Title = "T2" }).ContentHash);
        Assert.NotEqual(ProcessOne(entry).ContentHash, ProcessOne(entry with { Content = "<p>b</p>" }).ContentHash);
    }

    [Fact]
    public void Html_is_sanitized_last_and_authors_and_categories_are_plain_text()
    {
        var article = ProcessOne(new ParsedEntry
        {
            Title = "T",
            Summary = "<p>ok</p><script>x()</script>",
            Authors = ["<b>Ann</b>", "Ann", " "],
            Categories = ["news", "news", "<i>tech</i>"],
        });
        Assert.Equal("<p>ok</p>", article.SummaryHtml);
        Assert.Equal(["Ann"], article.Authors);
        Assert.Equal(["news", "tech"], article.Categories);
    }
}
