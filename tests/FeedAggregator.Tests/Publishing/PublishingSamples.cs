using FeedAggregator.Model;
using FeedAggregator.Publishing;

namespace FeedAggregator.Tests.Publishing;

/// <summary>A merged feed with the cases the writers must handle, built from TestData/Publishing.</summary>
public static class PublishingSamples
{
    public static readonly Uri BaseUrl = new("http://localhost:5080/");
    public static readonly DateTimeOffset FeedUpdated = new(2024, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly ArticleSource CityNews = new(
        "tag:localhost,2024:source:1", "https://news.example.com/feed.xml", "City News", "https://news.example.com/");

    public static readonly ArticleSource ArabicNews = new(
        "tag:localhost,2024:source:2", "https://akhbar.example.net/rss", "أخبار المدينة", "https://akhbar.example.net/");

    public static readonly ArticleSource Podcast = new(
        "tag:localhost,2024:source:3", "https://radio.example.org/podcast.xml", "Community Radio", null);

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Publishing", name));

    public static MergedFeed Feed(params MergedItem[] items) => new()
    {
        Title = "FeedAggregator: merged feed",
        Description = "Everything the subscribed feeds published, newest first.",
        BaseUrl = BaseUrl,
        Id = "tag:localhost,2024:feedaggregator",
        Updated = FeedUpdated,
        Items = items,
    };

    /// <summary>English (full), Arabic, podcast (no link, no date, no author), in that order.</summary>
    public static MergedFeed Mixed() => Feed(English(), Arabic(), PodcastEpisode());

    public static MergedItem English() => new(
        Article(1, "Night buses extended to the harbour district") with
        {
            Url = "https://news.example.com/2024/03/night-buses?utm=feed&page=1",
            SummaryHtml = Fixture("english-summary.html"),
            ContentHtml = Fixture("english-content.html"),
            Authors = ["Jane Doe", "Omar Haddad"],
            Categories = ["Transport", "City council"],
            Enclosures = [new Enclosure("https://example.com/img/night-bus.jpg", "image/jpeg", 48213)],
            Published = new DateTimeOffset(2024, 3, 2, 10, 15, 0, TimeSpan.FromHours(1)),
            Updated = new DateTimeOffset(2024, 3, 2, 9, 20, 0, TimeSpan.Zero),
            Language = "en",
        },
        CityNews);

    public static MergedItem Arabic() => new(
        Article(2, "إعادة افتتاح المكتبة العامة في المدينة القديمة") with
        {
            Url = "https://akhbar.example.net/2024/03/library",
            SummaryHtml = Fixture("arabic-summary.html"),
            ContentHtml = Fixture("arabic-content.html"),
            Authors = ["سارة المنصوري"],
            Categories = ["ثقافة"],
            Published = new DateTimeOffset(2024, 3, 1, 18, 0, 0, TimeSpan.Zero),
            Language = "ar",
        },
        ArabicNews);

    public static MergedItem PodcastEpisode() => new(
        Article(3, "Episode 42: community radio") with
        {
            SummaryHtml = Fixture("podcast-summary.html"),
            Enclosures =
            [
                new Enclosure("https://radio.example.org/ep42.mp3", "audio/mpeg", 31_457_280),
                new Enclosure("https://radio.example.org/ep42.ogg", "ogg", null),
            ],
            LastChangedAt = new DateTimeOffset(2024, 2, 28, 7, 0, 0, TimeSpan.Zero),
        },
        Podcast);

    /// <summary>A stored article with only the required fields.</summary>
    public static Article Article(long id, string title) => new()
    {
        Id = id,
        FeedId = 1,
        Key = $"guid:{id}",
        Title = title,
        ContentHash = $"hash-{id}",
        PublicId = $"tag:localhost,2024:article:{id}",
        FirstSeenAt = new DateTimeOffset(2024, 2, 27, 12, 0, 0, TimeSpan.Zero),
        LastChangedAt = new DateTimeOffset(2024, 2, 27, 12, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Control characters, a lone surrogate and U+FFFE in every kind of text.</summary>
    public static MergedItem ControlCharacters() => new(
        Article(4, "Bell\u0007 and\u0000 null\u001B in \uFFFEthe \uD800title \U0001F68C") with
        {
            Url = "https://news.example.com/ctl?\u0001x=1",
            SummaryHtml = "<p>Form\u000Cfeed and\u0085 next line</p>",
            ContentHtml = "<p>Vertical\u000Btab, lone \uDC00low, keep\ttab\r\nand newline</p>",
            Authors = ["Esc\u001Bape"],
            Categories = ["Cat\u0002egory"],
        },
        CityNews with { Title = "City\u0003 News" });
}
