using System.Text;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class HtmlPageWriterTests
{
    private static readonly HtmlPageWriter Writer = new();

    private static string Render(MergedFeed feed) => Encoding.UTF8.GetString(Writer.Write(feed));

    [Fact]
    public void Page_is_english_with_title_style_and_feed_autodiscovery()
    {
        var html = Render(PublishingSamples.Mixed());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>FeedAggregator: merged feed</title>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"FeedAggregator: merged feed (Atom)\" href=\"http://localhost:5080/feed.atom\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"FeedAggregator: merged feed (RSS)\" href=\"http://localhost:5080/feed.rss\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"FeedAggregator: merged feed (JSON Feed)\" href=\"http://localhost:5080/feed.json\">", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_appear_in_the_given_order()
    {
        var html = Render(PublishingSamples.Mixed());

        var english = html.IndexOf("Night buses extended", StringComparison.Ordinal);
        var arabic = html.IndexOf("إعادة افتتاح المكتبة", StringComparison.Ordinal);
        var podcast = html.IndexOf("Episode 42: community radio</h2>", StringComparison.Ordinal);
        Assert.True(english > 0 && english < arabic && arabic < podcast);
        Assert.Equal(3, CountOf(html, "<article"));
    }

    [Fact]
    public void Article_links_title_source_and_shows_utc_time()
    {
        var html = Render(PublishingSamples.Feed(PublishingSamples.English()));

        Assert.Contains("<article lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2><a href=\"https://news.example.com/2024/03/night-buses?utm=feed&amp;page=1\">Night buses extended to the harbour district</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.example.com/\">City News</a>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2024-03-02T09:15:00Z\">2 Mar 2024, 09:15 UTC</time>", html, StringComparison.Ordinal);
        Assert.Contains("Jane Doe, Omar Haddad", html, StringComparison.Ordinal);

        // The content (not the summary), as is.
        Assert.Contains(PublishingSamples.Fixture("english-content.html").Trim(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Council extends night buses", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_article_is_lang_ar_and_right_to_left()
    {
        var html = Render(PublishingSamples.Feed(PublishingSamples.Arabic()));

        Assert.Contains("<article lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains(">إعادة افتتاح المكتبة العامة في المدينة القديمة</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://akhbar.example.net/\">أخبار المدينة</a>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2024-03-01T18:00:00Z\" dir=\"ltr\">1 Mar 2024, 18:00 UTC</time>", html, StringComparison.Ordinal);
        Assert.Contains("عشرين ألف", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_without_url_or_site_has_plain_text_title_and_summary()
    {
        var html = Render(PublishingSamples.Feed(PublishingSamples.PodcastEpisode()));

        Assert.Contains("<h2>Episode 42: community radio</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">Community Radio · <time datetime=\"2024-02-27T12:00:00Z\">", html, StringComparison.Ordinal);
        Assert.Contains("show notes &amp; links", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_encoded_and_only_http_links_are_followed()
    {
        var article = PublishingSamples.Article(8, "<script>alert(\"x\")</script> & co") with { Url = "javascript:alert(1)" };
        var source = PublishingSamples.CityNews with { Title = "\"Quoted\" <b>source</b>", SiteUrl = "javascript:alert(2)" };

        var html = Render(PublishingSamples.Feed(new MergedItem(article, source)) with { Title = "Mine <em>& yours</em>" });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</h2>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;Quoted&quot; &lt;b&gt;source&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>Mine &lt;em&gt;&amp; yours&lt;/em&gt;</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_feed_says_so()
    {
        var html = Render(PublishingSamples.Feed());

        Assert.Contains("No articles yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<article", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var html = Render(PublishingSamples.Feed(PublishingSamples.ControlCharacters()));

        // WebUtility.HtmlEncode writes characters outside the BMP as numeric references.
        Assert.Contains(">Bell and null in the title &#128652;</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Verticaltab, lone low, keep\ttab\r\nand newline</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }

    [Fact]
    public void Page_head_credits_the_generator_and_fits_small_screens_without_a_byte_order_mark()
    {
        var bytes = Writer.Write(PublishingSamples.Feed());
        var html = Encoding.UTF8.GetString(bytes);

        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains(
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + $"<meta name=\"generator\" content=\"FeedAggregator {GeneratorInfo.Version}\">\n<title>FeedAggregator: merged feed</title>\n",
            html, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("feed", () => Writer.Write(null!));
    }

    [Fact]
    public void Header_has_the_title_the_description_and_subscribe_links_then_the_footer_tells_when_and_by_what()
    {
        var html = Render(PublishingSamples.Feed() with { Title = "News & more" });

        Assert.Contains(
            "</style>\n</head>\n<body>\n<header>\n<h1>News &amp; more</h1>\n<p>Everything the subscribed feeds published, newest first.</p>\n"
            + "<p class=\"subscribe\">Subscribe: <a href=\"http://localhost:5080/feed.atom\">Atom</a> · <a href=\"http://localhost:5080/feed.rss\">RSS</a>"
            + " · <a href=\"http://localhost:5080/feed.json\">JSON Feed</a></p>\n</header>\n<main>\n",
            html, StringComparison.Ordinal);
        Assert.EndsWith(
            "</main>\n<footer>\n<p>Updated <time datetime=\"2024-03-02T09:30:00Z\">2 Mar 2024, 09:30 UTC</time>"
            + $" by FeedAggregator {GeneratorInfo.Version}.</p>\n</footer>\n</body>\n</html>\n",
            html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_or_blank_description_leaves_no_empty_paragraph(string? description)
    {
        var html = Render(PublishingSamples.Feed() with { Description = description });

        Assert.Contains("<h1>FeedAggregator: merged feed</h1>\n<p class=\"subscribe\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_authors_ends_its_meta_line_with_the_date_and_holds_its_body()
    {
        var html = Render(PublishingSamples.Feed(PublishingSamples.PodcastEpisode(), PublishingSamples.English()));

        Assert.Contains(
            "<p class=\"meta\">Community Radio · <time datetime=\"2024-02-27T12:00:00Z\">27 Feb 2024, 12:00 UTC</time></p>\n"
            + "<div class=\"content\">\n" + PublishingSamples.Fixture("podcast-summary.html").Trim() + "\n</div>\n</article>\n<article lang=\"en\">\n",
            html, StringComparison.Ordinal);
        Assert.Contains("</time> · Jane Doe, Omar Haddad</p>\n<div class=\"content\">\n", html, StringComparison.Ordinal);
        Assert.Contains("\n</div>\n</article>\n</main>\n", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
