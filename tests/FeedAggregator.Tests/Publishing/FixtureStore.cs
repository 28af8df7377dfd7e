using System.Globalization;
using FeedAggregator.Model;
using FeedAggregator.Seeding;
using FeedAggregator.Stories;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Publishing;

/// <summary>
/// A real SQLite store of 64 articles for comparing renderings: English and Arabic, podcasts
/// with enclosures, categories, stories reported by several feeds (by link and by text), undated
/// articles, titles with literal entities, content with relative URLs, and a source whose
/// OPML home page is not a URL. Built from Article records (not through the parser and the
/// sanitizer), so the stored values, and hence the renderings, depend on Publishing alone.
/// </summary>
internal static class FixtureStore
{
    public static readonly Uri BaseUrl = new("http://feeds.example.test/");

    /// <summary>When every undated article was first seen (they are stored in one poll).</summary>
    public static readonly DateTimeOffset UndatedSeenAt = new(2024, 3, 10, 6, 0, 0, TimeSpan.Zero);

    /// <summary>When the seed articles (one of them undated) were first seen.</summary>
    public static readonly DateTimeOffset SeedsSeenAt = new(2024, 3, 5, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    public const string CityNews = "https://news.example.com/feed.xml";
    public const string Akhbar = "https://akhbar.example.net/rss";
    public const string Radio = "https://radio.example.org/podcast.xml";
    public const string Wire = "https://wire.example.com/atom";
    public const string TechBlog = "https://blog.example.org/feed.json";

    private static readonly string[] EnglishTopics =
    [
        "night buses", "the harbour bridge", "school meals", "the river festival", "library hours", "cycle lanes",
        "the new tram line", "street lighting", "park benches", "the market hall", "recycling rules", "the old cinema",
        "flood defences", "the swimming pool",
    ];

    private static readonly string[] ArabicTopics =
    [
        "افتتاح المكتبة العامة", "مهرجان الكتاب", "تجديد السوق القديم", "خطة النقل الجديدة", "موسم الزيتون",
        "ترميم الجامع الكبير", "مياه الشرب", "الحدائق العامة", "المدارس الريفية", "معرض الحرف اليدوية",
        "سباق الجري السنوي", "الطاقة الشمسية",
    ];

    public static async Task<TempDatabase> BuildAsync()
    {
        var db = await TempDatabase.CreateAsync();
        await db.Feeds.SyncSubscriptionsAsync(
        [
            new Subscription(CityNews, "City News", "Local", "https://news.example.com/"),
            new Subscription(Akhbar, "أخبار المدينة", "World", "https://akhbar.example.net/"),
            new Subscription(Radio, "Community Radio", "Podcasts"),
            // An OPML htmlUrl that is not a URL: it stays on the feed until a poll brings a link.
            new Subscription(Wire, "Wire Service", "World", "wire.example.com/home"),
            new Subscription(TechBlog, "Tech & Things", "Tech", "https://blog.example.org/"),
        ], Start, None);
        var feeds = (await db.Feeds.ListAsync(None)).ToDictionary(f => f.Url);

        await SaveAsync(db, feeds[CityNews], Start.AddDays(1), English());
        await SaveAsync(db, feeds[Akhbar], Start.AddDays(1).AddHours(1), Arabic());
        await SaveAsync(db, feeds[Radio], Start.AddDays(2), Podcasts());
        await SaveAsync(db, feeds[TechBlog], Start.AddDays(3), Blog());
        await SaveAsync(db, feeds[Wire], Start.AddDays(4), WireCopies());
        var seeds = await db.Feeds.EnsureSeedFeedAsync(SeedImporter.SourceUrl, "Seed articles", Start, None);
        await SaveAsync(db, seeds, SeedsSeenAt, Seeds());

        // Undated articles of three feeds, all first seen in one poll; then an edit in place.
        await SaveAsync(db, feeds[CityNews], UndatedSeenAt, [.. English(), .. Undated("city", 3)]);
        await SaveAsync(db, feeds[Radio], UndatedSeenAt, [.. Podcasts(), .. Undated("radio", 2)]);
        await SaveAsync(db, feeds[TechBlog], UndatedSeenAt, [.. Blog(), .. Undated("blog", 2)]);
        var edited = English().Select(a => a.Key == "guid:city-2" ? a with { Title = a.Title + " (corrected)", ContentHash = "edited" } : a);
        await SaveAsync(db, feeds[CityNews], UndatedSeenAt.AddHours(5), [.. edited, .. Undated("city", 3)]);
        return db;
    }

    private static Task SaveAsync(TempDatabase db, Feed feed, DateTimeOffset now, IReadOnlyList<Article> articles) =>
        db.Articles.SaveAsync(feed, articles, now, None);

    private static DateTimeOffset Hours(int hours) => Start.AddHours(hours);

    private static readonly string[] EnglishWords =
    [
        "council", "residents", "budget", "street", "morning", "harbour", "market", "bridge", "school", "teachers",
        "children", "river", "festival", "summer", "winter", "lights", "tram", "station", "bus", "driver", "cyclists",
        "lane", "museum", "library", "books", "reading", "hall", "traders", "fish", "bread", "coffee", "rain", "flood",
        "wall", "engineers", "report", "mayor", "vote", "meeting", "plan", "years", "cost", "money", "pool", "swimmers",
        "garden", "trees", "benches", "park", "music", "stage", "crowd", "tickets", "cinema", "film", "screen", "old",
        "new", "quiet", "busy", "late", "early", "north", "south", "east", "west", "opened", "closed", "repaired",
        "painted", "counted", "asked", "answered", "waited", "promised", "delayed", "approved", "rejected",
    ];

    private static readonly string[] ArabicWords =
    [
        "البلدية", "السكان", "المدينة", "السوق", "الشارع", "المكتبة", "الكتب", "المدرسة", "الطلاب", "المعلمون",
        "النهر", "الجسر", "الحديقة", "الأشجار", "الماء", "الكهرباء", "الشمس", "المطر", "الشتاء", "الصيف",
        "المهرجان", "الموسيقى", "الزيتون", "الخبز", "القهوة", "التجار", "الحرفيون", "المعرض", "السباق", "العدائين",
        "المسجد", "الترميم", "المهندسون", "التقرير", "الميزانية", "الاجتماع", "الخطة", "أعلنت", "قال", "أكد",
        "افتتح", "أغلق", "بدأ", "انتهى", "وعد", "تأخر", "وافق", "رفض", "اليوم", "أمس", "غدا", "صباحا", "مساء",
        "جديد", "قديم", "كبير", "صغير", "هادئ", "مزدحم",
    ];

    // Distinct texts: a template shared by many articles would make them one story.
    private static string Prose(string[] vocabulary, int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
    }

    private static string Words(string topic, int n) => $"{topic}: {Prose(EnglishWords, 1000 + n, 32)}";

    private static IReadOnlyList<Article> English() =>
    [
        .. EnglishTopics.Select((topic, i) => Article($"city-{i}", $"https://news.example.com/2024/03/{i}-{topic.Replace(' ', '-')}",
            $"Council decides on {topic}", Words(topic, i)) with
        {
            SummaryHtml = $"<p>A short summary about {topic}.</p>",
            Authors = i % 3 == 0 ? ["Jane Doe", "Omar Haddad"] : i % 3 == 1 ? ["Jane Doe"] : [],
            Categories = i % 2 == 0 ? ["Transport", "City council"] : ["Local"],
            Enclosures = i % 4 == 0 ? [new Enclosure($"https://news.example.com/img/{i}.jpg", "image/jpeg", 40_000 + i)] : [],
            Published = Hours(2 * i).ToOffset(TimeSpan.FromHours(1)),
            Updated = i % 5 == 0 ? Hours(2 * i + 1) : null,
            Language = i == 13 ? "en-GB" : "en",
        }),
    ];

    private static IReadOnlyList<Article> Arabic() =>
    [
        .. ArabicTopics.Select((topic, i) => Article($"akhbar-{i}", $"https://akhbar.example.net/2024/03/{i}",
            $"{topic} في المدينة القديمة", $"{topic}: {Prose(ArabicWords, 2000 + i, 28)}") with
        {
            SummaryHtml = i % 3 == 0 ? null : $"<p>ملخص قصير عن {topic}.</p>",
            Authors = i % 2 == 0 ? ["سارة المنصوري"] : [],
            Categories = ["ثقافة", i % 2 == 0 ? "محليات" : "اقتصاد"],
            Enclosures = i == 4 ? [new Enclosure("https://akhbar.example.net/audio/4.mp3", "audio/mpeg", 1_234_567)] : [],
            Published = Hours(2 * i + 1),
            // One badly tagged and one Persian item, as sources send them.
            Language = i == 10 ? "english (uk)" : i == 11 ? "fa-IR" : "ar",
        }),
    ];

    private static IReadOnlyList<Article> Podcasts() =>
    [
        .. Enumerable.Range(1, 8).Select(i => Article($"radio-{i}", i % 3 == 0 ? null : $"https://radio.example.org/episodes/{i}",
            $"Episode {i}: voices of the market", Prose(EnglishWords, 3000 + i, 24)) with
        {
            ContentHtml = null,
            SummaryHtml = $"<p>{Prose(EnglishWords, 3000 + i, 24)}</p>",
            Enclosures = i switch
            {
                1 => [new Enclosure("https://radio.example.org/ep1.mp3", "audio/mpeg", 31_457_280), new Enclosure("https://radio.example.org/ep1.ogg", "ogg", null)],
                2 => [new Enclosure("https://radio.example.org/ep2.mp3", null, 1000)],
                _ => [new Enclosure($"https://radio.example.org/ep{i}.mp3", "audio/mpeg", i * 1_000_000L)],
            },
            Published = Hours(3 * i + 2),
            Language = i % 2 == 0 ? "en" : null,
        }),
    ];

    // Titles as a JSON feed sends them (entities left in the text), content with relative URLs
    // (as a source without a usable base leaves them), summary-only and content-only items.
    private static IReadOnlyList<Article> Blog() =>
    [
        Article("blog-1", "https://blog.example.org/posts/1", "Don&#8217;t panic: the Q&amp;A on upgrades",
            "<p>See <a href=\"/docs/upgrade\">the guide</a> and <img src=\"img/chart.png\" alt=\"chart\"> below.</p>") with
        { Published = Hours(5), Authors = ["Kim Lee"], Categories = ["Tech"] },
        Article("blog-2", "https://blog.example.org/posts/2", "AT&T & Verizon: <merger> talks \"resume\"",
            "<p>Footnote <a href=\"#fn1\">1</a>; picture <img srcset=\"small.png 1x, https://cdn.example.org/big.png 2x\" src=\"https://cdn.example.org/big.png\"></p>") with
        { Published = Hours(9), Categories = ["Tech", "Business"] },
        Article("blog-3", "https://blog.example.org/posts/3", "Caf\u00e9 culture \u2014 a <i>long</i> read &hellip;",
            "<p>A <a href=\"https://example.com/abs\">plain</a> <a href=\"mailto:editor@blog.example.org\">mail</a> link.</p>") with
        { Published = Hours(13), SummaryHtml = "<p>Only a summary &amp; an ampersand.</p>", ContentHtml = null },
        Article("blog-4", null, "Notes without a link", "<p>A <a href=\"../archive/\">relative archive</a> link and <video poster=\"p.jpg\" src=\"v.mp4\"></video>.</p>") with
        { Published = Hours(17), Language = "en" },
        Article("blog-5", "https://blog.example.org/posts/5", "Emoji \U0001F68C and quotes \u201cinside\u201d",
            "<pre><code>if (a &lt; b &amp;&amp; c &gt; d) { return \"]]&gt;\"; }</code></pre>") with
        { Published = Hours(21), Authors = ["Kim Lee", "A. N. Other"] },
        .. Enumerable.Range(6, 6).Select(i => Article($"blog-{i}", $"https://blog.example.org/posts/{i}", $"Weekly links #{i}",
            $"<p>Links of week {i}: <a href=\"https://example.com/{i}\">one</a>, <q cite=\"https://example.com/q{i}\">quoted</q>.</p>") with
        { Published = Hours(24 + (5 * i)), Categories = ["Links"] }),
    ];

    // The same stories as other feeds: two by link (tracking-free canonical link), two by text.
    private static IReadOnlyList<Article> WireCopies() =>
    [
        Article("wire-1", "https://news.example.com/2024/03/0-night-buses", "WIRE: Council decides on night buses", Words("night buses", 0)) with
        { Published = Hours(30), Authors = ["Wire staff"] },
        Article("wire-2", "https://akhbar.example.net/2024/03/1", "مهرجان الكتاب في المدينة القديمة (وكالة)", "نص الوكالة.") with
        { Published = Hours(31), Language = "ar" },
        Article("wire-3", null, "Council decides on school meals, wire copy", Words("school meals", 2) + " Reporting by the wire.") with
        { Published = Hours(32) },
        Article("wire-4", "https://wire.example.com/stories/4", "Council decides on cycle lanes (wire)", Words("cycle lanes", 5)) with
        { Published = Hours(33) },
        .. Enumerable.Range(5, 6).Select(i => Article($"wire-{i}", $"https://wire.example.com/stories/{i}", $"Wire story {i}: markets and weather",
            Prose(EnglishWords, 4000 + i, 30)) with
        { Published = Hours(40 + i), Categories = ["Markets"] }),
    ];

    private static IReadOnlyList<Article> Seeds() =>
    [
        Article("seed-1", null, "اتفق وزير الخارجية مع نظيره على تعزيز التعاون",
            "<p>اتفق وزير الخارجية مع نظيره على تعزيز التعاون في مجالات التجارة والثقافة والتعليم خلال اللقاء الذي عقد اليوم.</p>") with
        { Published = null, Language = "ar" },
        Article("seed-2", null, "The city opened its new archive to the public",
            "<p>The city opened its new archive to the public on Monday, with records going back two centuries.</p>") with
        { Published = Hours(1), Language = "en" },
    ];

    private static IEnumerable<Article> Undated(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => Article($"{prefix}-undated-{i}", $"https://undated.example.com/{prefix}/{i}",
            $"Undated {prefix} note {i}", "<p>A note without a date.</p>") with
        { Language = "en" });

    private static Article Article(string key, string? url, string title, string text)
    {
        var html = text.StartsWith('<') ? text : $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>";
        var plain = FeedAggregator.Processing.HtmlText.ToPlainText(html);
        return new Article
        {
            Key = "guid:" + key,
            SourceId = key,
            Url = url,
            Title = title,
            ContentHtml = html,
            ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}\n{url}\n{title}\n{html}"))), 0, 8),
            Fingerprint = TextFingerprint.Of($"{title}\n{plain}"),
        };
    }
}
