using FeedAggregator.Model;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

/// <summary>
/// The raw hash decides whether a stored entry is processed again: every field processing reads
/// must move it, and it must not move between releases unless processing changed.
/// </summary>
public sealed class RawEntryHashTests
{
    private static readonly Uri DocumentUrl = new("https://news.example/feeds/all.xml");

    private static readonly ParsedEntry Entry = new()
    {
        Id = "urn:1",
        Title = "Title",
        Link = "/a",
        Published = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Updated = new DateTimeOffset(2026, 1, 3, 3, 4, 5, TimeSpan.Zero),
        Summary = "<p>s</p>",
        SummaryBaseUrl = new Uri("https://summary.example/"),
        Content = "<p>c</p>",
        ContentBaseUrl = new Uri("https://content.example/"),
        Language = "en",
        Authors = [new Author("Ann", "ann@example.com")],
        Categories = ["x", "y"],
        Enclosures = [new Enclosure("/e.mp3", "audio/mpeg", 10)],
    };

    private static string Hash(ParsedEntry entry) => RawEntryHash.Of(entry, DocumentUrl, "en");

    public static TheoryData<string, ParsedEntry> Changes => new()
    {
        { "id", Entry with { Id = "urn:2" } },
        { "no id", Entry with { Id = null } },
        { "published", Entry with { Published = Entry.Published!.Value.AddSeconds(1) } },
        { "no published date", Entry with { Published = null } },
        { "no updated date", Entry with { Updated = null } },
        { "summary base", Entry with { SummaryBaseUrl = new Uri("https://other.example/") } },
        { "no summary base", Entry with { SummaryBaseUrl = null } },
        { "content base", Entry with { ContentBaseUrl = new Uri("https://other.example/") } },
        { "language", Entry with { Language = "fr" } },
        { "author name", Entry with { Authors = [new Author("Bo", "ann@example.com")] } },
        { "author email", Entry with { Authors = [new Author("Ann", "bo@example.com")] } },
        { "no authors", Entry with { Authors = [] } },
        { "a category", Entry with { Categories = ["x", "z"] } },
        { "category order", Entry with { Categories = ["y", "x"] } },
        { "enclosure url", Entry with { Enclosures = [new Enclosure("/f.mp3", "audio/mpeg", 10)] } },
        { "enclosure type", Entry with { Enclosures = [new Enclosure("/e.mp3", "audio/ogg", 10)] } },
        { "enclosure length unknown", Entry with { Enclosures = [new Enclosure("/e.mp3", "audio/mpeg", null)] } },
        { "no enclosures", Entry with { Enclosures = [] } },
        { "empty summary", Entry with { Summary = "" } },
        { "no summary", Entry with { Summary = null } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_field_processing_reads_moves_the_hash(string field, ParsedEntry changed) =>
        Assert.True(Hash(Entry) != Hash(changed), $"the hash ignores: {field}");

    [Fact]
    public void An_empty_field_and_a_missing_one_hash_apart()
    {
        Assert.NotEqual(Hash(Entry with { Summary = null }), Hash(Entry with { Summary = "" }));
        Assert.NotEqual(Hash(Entry with { Language = null }), Hash(Entry with { Language = "" }));
        Assert.NotEqual(Hash(Entry with { Categories = [] }), Hash(Entry with { Categories = [""] }));
    }

    [Fact]
    public void Values_moved_from_one_field_to_the_next_hash_apart()
    {
        Assert.NotEqual(Hash(Entry with { Categories = ["xy"] }), Hash(Entry with { Categories = ["x", "y"] }));
        Assert.NotEqual(
            Hash(Entry with { Authors = [new Author("Ann", null), new Author(null, "a@b")] }),
            Hash(Entry with { Authors = [new Author("Ann", "a@b")] }));
    }

    [Fact]
    public void The_hash_of_an_entry_is_the_same_from_one_release_to_the_next()
    {
        // Stored articles carry this hash: a change here reprocesses every article at its next poll.
        // Change the expected value only together with RawEntryHash.ProcessingVersion.
        Assert.Equal("5079ac0c4e8cde07c5f52b451eebef21", Hash(Entry));
        Assert.Equal("a02982771f57f33c1429363c837aab5e", RawEntryHash.Of(new ParsedEntry(), null, null));
    }
}
