using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using Microsoft.Extensions.Options;

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

    private const string ArabicTitle = "اتفق وزير الخارجية على مواصلة الجهود";

    [Fact]
    public void The_text_and_a_derived_title_come_from_the_content_else_the_summary()
    {
        var both = ProcessOne(new ParsedEntry { Summary = "<p>Short summary</p>", Content = "<p>The full content</p>" });
        Assert.Equal("The full content", both.Text);
        Assert.Equal("The full content", both.Title);
        var summaryOnly = ProcessOne(new ParsedEntry { Summary = "<p>Only a summary</p>" });
        Assert.Equal("Only a summary", summaryOnly.Text);
        Assert.Equal("Only a summary", summaryOnly.Title);
    }

    [Fact]
    public void An_entry_with_neither_title_nor_text_is_named_by_its_link_else_untitled()
    {
        Assert.Equal("https://x.example/a", ProcessOne(new ParsedEntry { Link = "https://x.example/a" }).Title);
        Assert.Equal("https://x.example/a", ProcessOne(new ParsedEntry { Title = " ", Link = "https://x.example/a", Content = "<p> </p>" }).Title);
        Assert.Equal("Untitled", ProcessOne(new ParsedEntry { Title = "  ", Content = "<p> </p>" }).Title);
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("fil-ph", "fil-PH")] // a three-letter primary subtag
    [InlineData("zh-hant-tw", "zh-hant-TW")] // only two-letter (region) subtags are upper-cased
    [InlineData("abcdefgh", "abcdefgh")] // eight letters: the longest primary subtag
    public void A_declared_language_is_normalised_and_wins_over_the_script(string declared, string expected) =>
        Assert.Equal(expected, ProcessOne(new ParsedEntry { Title = ArabicTitle, Language = declared }).Language);

    [Theory]
    [InlineData("e")]
    [InlineData("abcdefghi")]
    [InlineData("e1")]
    [InlineData("12-US")]
    [InlineData("-")]
    [InlineData("_-_")]
    public void A_declared_value_that_is_no_language_tag_gives_way_to_the_script(string declared) =>
        Assert.Equal("ar", ProcessOne(new ParsedEntry { Title = ArabicTitle, Language = declared }).Language);

    [Fact]
    public void The_source_id_is_the_trimmed_id_and_a_blank_one_is_none()
    {
        Assert.Equal("urn:1", ProcessOne(new ParsedEntry { Id = " urn:1 ", Title = "t" }).SourceId);
        Assert.Null(ProcessOne(new ParsedEntry { Id = "  ", Title = "t" }).SourceId);
        Assert.Null(ProcessOne(new ParsedEntry { Title = "t" }).SourceId);
    }

    [Fact]
    public void Summary_and_content_links_resolve_against_their_own_base_else_the_entry_base()
    {
        var entry = new ParsedEntry
        {
            Title = "t",
            BaseUrl = new Uri("https://entry.example/"),
            Summary = "<p><a href=\"s\">s</a></p>",
            Content = "<p><a href=\"c\">c</a></p>",
        };
        var own = ProcessOne(entry with
        {
            SummaryBaseUrl = new Uri("https://summary.example/dir/"),
            ContentBaseUrl = new Uri("https://content.example/dir/"),
        });
        Assert.Contains("href=\"https://summary.example/dir/s\"", own.SummaryHtml);
        Assert.Contains("href=\"https://content.example/dir/c\"", own.ContentHtml);
        var shared = ProcessOne(entry);
        Assert.Contains("href=\"https://entry.example/s\"", shared.SummaryHtml);
        Assert.Contains("href=\"https://entry.example/c\"", shared.ContentHtml);
    }

    [Fact]
    public void Without_id_or_link_the_key_reads_the_content_else_the_summary()
    {
        var entry = new ParsedEntry { Title = "T", Summary = "<p>s</p>", Content = "<p>c</p>" };
        Assert.Equal(ProcessOne(entry).Key, ProcessOne(entry with { Summary = "<p>other</p>" }).Key);
        Assert.NotEqual(ProcessOne(entry).Key, ProcessOne(entry with { Content = "<p>other</p>" }).Key);
        var summaryOnly = new ParsedEntry { Title = "T", Summary = "<p>s</p>" };
        Assert.NotEqual(ProcessOne(summaryOnly).Key, ProcessOne(summaryOnly with { Summary = "<p>other</p>" }).Key);
    }

    [Fact]
    public void Articles_only_shown_get_no_fingerprint_and_no_content_hash()
    {
        var words = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"word{i}"));
        var feed = new ParsedFeed { Format = FeedFormat.Rss20, Entries = [new ParsedEntry { Id = "1", Title = "T", Content = $"<p>{words}</p>" }] };

        var stored = Processor.Process(feed, DocumentUrl, 0, new List<string>(), forStore: true).Single();
        var shown = Processor.Process(feed, DocumentUrl, 0, new List<string>(), forStore: false).Single();

        Assert.NotNull(stored.Fingerprint);
        Assert.Matches("^[0-9a-f]{32}$", stored.ContentHash);
        Assert.Null(shown.Fingerprint);
        Assert.Equal("", shown.ContentHash);
        Assert.Equal(stored.ContentHtml, shown.ContentHtml);
    }

    [Fact]
    public void Articles_only_shown_get_their_text_only_when_the_title_or_the_language_comes_from_it()
    {
        var greek = "Η γάτα κάθεται στο χαλί και ο σκύλος είναι στο σπίτι με την υπόλοιπη οικογένεια";
        var entry = new ParsedEntry { Id = "1", Title = "T", Language = "en", Content = $"<p>{greek}</p>" };
        ParsedFeed Feed(ParsedEntry e) => new() { Format = FeedFormat.Rss20, Entries = [e] };
        Article Shown(ParsedEntry e) => Processor.Process(Feed(e), DocumentUrl, 0, new List<string>(), forStore: false).Single();

        Assert.Equal(greek, Processor.Process(Feed(entry), DocumentUrl, 0, new List<string>(), forStore: true).Single().Text);
        Assert.Null(Shown(entry).Text);
        Assert.Equal(("T", "en"), (Shown(entry).Title, Shown(entry).Language));

        // Without a title or a language, both come from the text, as when the article is stored.
        var untitled = Shown(entry with { Title = " " });
        Assert.Equal((greek, greek), (untitled.Title, untitled.Text));
        var undeclared = Shown(entry with { Language = null });
        Assert.Equal(("el", greek), (undeclared.Language, undeclared.Text));
    }

    [Fact]
    public void Empty_categories_are_dropped_and_authors_keep_whichever_of_name_and_email_they_have()
    {
        var article = ProcessOne(new ParsedEntry
        {
            Title = "T",
            Categories = ["", "  ", "<b></b>", "x"],
            Authors = [new Author("<b>Ann</b>", "ann@x.example"), new Author(null, "bo@x.example"), new Author("Cy", null), new Author(" ", " ")],
        });
        Assert.Equal(["x"], article.Categories);
        Assert.Equal([new Author("Ann", "ann@x.example"), new Author(null, "bo@x.example"), new Author("Cy", null)], article.Authors);
    }

    // Text, so what is kept sanitizes to itself and stays within the cap.
    private static readonly string Oversized = new string('a', 9000);

    private static List<string> WarningsFor(ParsedEntry entry)
    {
        var processor = new ArticleProcessor(new ContentSanitizer(), Options.Create(new ProcessingOptions { MaxEntryHtmlBytes = 4096 }));
        var warnings = new List<string>();
        processor.Process(new ParsedFeed { Format = FeedFormat.Rss20, Entries = [entry] }, DocumentUrl, 1, warnings);
        return warnings;
    }

    [Fact]
    public void A_cut_is_reported_for_the_summary_and_the_content_each()
    {
        Assert.Equal(
            [
                "entry 'urn:1': its summary of 8 KB was cut to 4 KB (Processing:MaxEntryHtmlBytes)",
                "entry 'urn:1': its content of 8 KB was cut to 4 KB (Processing:MaxEntryHtmlBytes)",
            ],
            WarningsFor(new ParsedEntry { Id = "urn:1", Summary = Oversized, Content = Oversized }));
    }

    [Fact]
    public void A_warning_names_the_entry_by_its_id_else_its_link_else_its_title_shortened()
    {
        static string Named(ParsedEntry entry) => Assert.Single(WarningsFor(entry with { Content = Oversized }));

        Assert.StartsWith("entry 'urn:1': ", Named(new ParsedEntry { Id = " urn:1 ", Link = "https://x.example/a", Title = "T" }));
        Assert.StartsWith("entry 'https://x.example/a': ", Named(new ParsedEntry { Link = "https://x.example/a?utm_source=x", Title = "T" }));
        Assert.StartsWith("entry 'The title': ", Named(new ParsedEntry { Title = " The title " }));
        Assert.StartsWith("entry '(untitled)': ", Named(new ParsedEntry()));
        var eighty = new string('i', 80);
        Assert.StartsWith($"entry '{eighty}': ", Named(new ParsedEntry { Id = eighty }));
        Assert.StartsWith($"entry '{new string('i', 79)}…': ", Named(new ParsedEntry { Id = eighty + "i" }));
    }

    [Fact]
    public void An_entry_processed_alone_is_cut_even_when_nobody_collects_the_warnings()
    {
        var processor = new ArticleProcessor(new ContentSanitizer(), Options.Create(new ProcessingOptions { MaxEntryHtmlBytes = 4096 }));
        var feed = new ParsedFeed { Format = FeedFormat.Rss20 };

        var article = processor.Process(feed, new ParsedEntry { Id = "1", Content = Oversized }, DocumentUrl);

        Assert.Equal(new string('a', 4096), article.ContentHtml);
    }
}
