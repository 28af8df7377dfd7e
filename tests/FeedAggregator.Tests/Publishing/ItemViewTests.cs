using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>What every format shows of one item: the fallbacks <see cref="ItemView"/> decides once.</summary>
public sealed class ItemViewTests
{
    private static readonly DateTimeOffset Seen = new(2024, 2, 27, 12, 0, 0, TimeSpan.Zero);

    private static ItemView View(Model.Article article, ArticleSource? source = null, IReadOnlyList<AlsoReported>? others = null) =>
        ItemView.From(new MergedItem(article, source ?? PublishingSamples.CityNews) { AlsoReportedBy = others ?? [] }, PublishingSamples.Feed());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_title_is_untitled(string title)
    {
        Assert.Equal("Untitled", View(PublishingSamples.Article(1, title)).Title);
    }

    [Fact]
    public void A_blank_url_is_no_url()
    {
        Assert.Null(View(PublishingSamples.Article(1, "t") with { Url = "  " }).Url);
    }

    [Fact]
    public void Relative_urls_of_an_article_without_a_link_resolve_against_its_source_home_page()
    {
        var source = PublishingSamples.CityNews with { FeedUrl = "https://feeds.example.com/x/feed.xml", SiteUrl = "https://news.example.com/local/" };

        var view = View(PublishingSamples.Article(1, "t") with { ContentHtml = "<p><img src=\"pic.png\"></p>" }, source);

        Assert.Equal("<p><img src=\"https://news.example.com/local/pic.png\"></p>", view.ContentHtml);
    }

    [Fact]
    public void A_source_home_page_that_is_not_a_web_url_is_left_out()
    {
        Assert.Null(View(PublishingSamples.Article(1, "t"), PublishingSamples.CityNews with { SiteUrl = "ftp://files.example.com/" }).Source.SiteUrl);
        Assert.Equal("https://news.example.com/", View(PublishingSamples.Article(1, "t")).Source.SiteUrl);
    }

    [Fact]
    public void A_story_reported_elsewhere_shows_its_summary_then_links_to_the_other_reports()
    {
        var others = new List<AlsoReported>
        {
            new(PublishingSamples.ArabicNews, "https://akhbar.example.net/story", "Same story"),
            // No link of its own: the source's home page.
            new(PublishingSamples.CityNews with { Title = "Wire & Co", SiteUrl = "https://wire.example.com/" }, null, "Same story"),
            // Neither: the name alone.
            new(PublishingSamples.Podcast, "mailto:radio@example.org", "Same story"),
        };

        var view = View(PublishingSamples.Article(1, "t") with { SummaryHtml = "<p>Short.</p>" }, others: others);

        Assert.Equal(
            "<p>Short.</p><p class=\"also-reported-by\">Also reported by <a href=\"https://akhbar.example.net/story\">أخبار المدينة</a>, "
            + "<a href=\"https://wire.example.com/\">Wire &amp; Co</a>, Community Radio</p>",
            view.ContentHtml);
        Assert.Equal("<p>Short.</p>", view.SummaryHtml);
    }

    [Fact]
    public void A_story_reported_once_has_no_content_made_from_its_summary()
    {
        Assert.Null(View(PublishingSamples.Article(1, "t") with { SummaryHtml = "<p>Short.</p>" }).ContentHtml);
    }

    [Fact]
    public void Without_dates_of_its_own_an_article_was_published_and_updated_when_first_seen()
    {
        var view = View(PublishingSamples.Article(1, "t") with { LastChangedAt = default });

        Assert.Equal(Seen, view.Published);
        Assert.Equal(Seen, view.Updated);
    }

    [Fact]
    public void An_article_with_no_date_known_at_all_takes_the_feed_update_time()
    {
        var view = View(PublishingSamples.Article(1, "t") with { LastChangedAt = default, FirstSeenAt = default });

        Assert.Equal(PublishingSamples.FeedUpdated, view.Published);
        Assert.Equal(PublishingSamples.FeedUpdated, view.Updated);
    }

    [Fact]
    public void An_article_changed_at_an_unknown_time_is_updated_when_published()
    {
        var published = new DateTimeOffset(2024, 2, 20, 8, 0, 0, TimeSpan.FromHours(2));

        var view = View(PublishingSamples.Article(1, "t") with { LastChangedAt = default, Published = published });

        Assert.Equal(published, view.Updated);
        Assert.Equal(TimeSpan.Zero, view.Updated.Offset);
    }

    [Fact]
    public void An_unstored_article_gets_a_stable_id_from_its_feed_and_key()
    {
        var unstored = PublishingSamples.Article(0, "t") with { PublicId = null };

        var id = View(unstored).Id;

        Assert.Matches("^tag:localhost,2024:feedaggregator:article:[0-9a-f]{16}$", id);
        Assert.Equal(id, View(unstored).Id);
        Assert.NotEqual(id, View(unstored with { Key = "guid:other" }).Id);
        Assert.Equal("tag:localhost,2024:feedaggregator:article:7", View(PublishingSamples.Article(7, "t") with { PublicId = null }).Id);
    }

    [Fact]
    public void Under_a_feed_id_that_is_not_a_tag_the_article_id_is_a_tag_of_the_host()
    {
        var feed = PublishingSamples.Feed() with { Id = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427" };

        var view = ItemView.From(new MergedItem(PublishingSamples.Article(7, "t") with { PublicId = null }, PublishingSamples.CityNews), feed);

        Assert.Equal("tag:localhost,2024:article:7", view.Id);
    }
}
