using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>The identity known before processing must be the one processing gives, and the raw hash must see every field.</summary>
public sealed class IncomingEntryTests
{
    private static readonly Uri DocumentUrl = new("https://news.example/feeds/all.xml");

    private static readonly ParsedFeed Document = new()
    {
        Format = FeedFormat.Rss20,
        Language = "en",
        Entries =
        [
            new ParsedEntry { Id = " guid-1 ", Title = "Unique id", Link = "/a?utm_source=x" },
            new ParsedEntry { Id = "shared", Title = "Shared id one", Link = "/b" },
            new ParsedEntry { Id = "shared", Title = "Shared id two", Link = "/c" },
            new ParsedEntry { Title = "Link only", Link = "d#frag", BaseUrl = new Uri("https://entry.example/x/") },
            new ParsedEntry { Title = "Neither id nor link", Published = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Content = "<p>Body</p>" },
            new ParsedEntry { Content = "<p>No title at all, only <b>content</b> to name it</p>" },
            new ParsedEntry { Title = "The link-only entry again: the first one wins", Link = "d#other", BaseUrl = new Uri("https://entry.example/x/") },
        ],
    };

    [Fact]
    public void Keys_and_links_are_those_the_processor_gives_one_per_key_first_occurrence_first()
    {
        var incoming = IncomingEntry.Of(Document, DocumentUrl);
        var processed = new ArticleProcessor(new ContentSanitizer()).Process(Document, DocumentUrl);

        var firstOfEachKey = processed.DistinctBy(a => a.Key).ToList();
        Assert.Equal(firstOfEachKey.Select(a => a.Key), incoming.Select(e => e.Key));
        Assert.Equal(firstOfEachKey.Select(a => a.Url), incoming.Select(e => e.Url));
        Assert.Equal(6, incoming.Count);
        Assert.Equal("Link only", incoming[3].Entry.Title);
        Assert.Equal([true, false, false, true, true, true], incoming.Select(e => e.IdIsUnique));
    }

    [Fact]
    public void The_raw_hash_changes_with_any_field_and_with_the_base_or_feed_language_only()
    {
        var entry = new ParsedEntry
        {
            Id = "1", Title = "T", Link = "/a", Summary = "s", Content = "c", Published = DateTimeOffset.UnixEpoch,
            Authors = ["Ann"], Categories = ["x"], Enclosures = [new Enclosure("/e.mp3", "audio/mpeg", 10)],
        };
        var hash = RawEntryHash.Of(entry, DocumentUrl, "en");

        Assert.Equal(hash, RawEntryHash.Of(entry with { Authors = ["Ann"] }, DocumentUrl, "en"));
        Assert.Equal(hash, RawEntryHash.Of(entry with { TitleHtml = "<b>T</b>" }, DocumentUrl, "en")); // articles keep the text title
        string[] changed =
        [
            RawEntryHash.Of(entry with { Title = "T2" }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Content = "c2" }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Summary = null }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Link = "/b" }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Updated = DateTimeOffset.UnixEpoch }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Authors = ["Ann", "Bo"] }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Categories = [] }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Enclosures = [new Enclosure("/e.mp3", "audio/mpeg", 11)] }, DocumentUrl, "en"),
            RawEntryHash.Of(entry with { Title = "", Summary = "Ts" }, DocumentUrl, "en"), // field boundaries count
            RawEntryHash.Of(entry, new Uri("https://other.example/"), "en"),
            RawEntryHash.Of(entry, DocumentUrl, "ar"),
        ];
        Assert.DoesNotContain(hash, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }

    [Fact]
    public void Entries_without_id_or_link_get_the_key_processing_gives_from_whatever_they_hold()
    {
        var feed = new ParsedFeed
        {
            Format = FeedFormat.Rss20,
            BaseUrl = new Uri("https://feed-base.example/dir/"),
            Entries =
            [
                new ParsedEntry { Title = "  ", Summary = "<p>Summary words</p>", Content = "<p>Content words</p>" },
                new ParsedEntry { Summary = "<p>Only a summary</p>" },
                new ParsedEntry { Title = "Both", Summary = "<p>s</p>", Content = "<p>c</p>" },
                new ParsedEntry { Title = "Summary only", Summary = "<p>s</p>" },
                new ParsedEntry { Title = "Relative", Link = "story" },
            ],
        };

        var incoming = IncomingEntry.Of(feed, DocumentUrl);
        var processed = new ArticleProcessor(new ContentSanitizer()).Process(feed, DocumentUrl);

        Assert.Equal(processed.Select(a => a.Key), incoming.Select(e => e.Key));
        Assert.Equal(5, incoming.Select(e => e.Key).Distinct().Count());
        Assert.Equal("https://feed-base.example/dir/story", incoming[4].Url); // the feed's base before the document's
    }
}
