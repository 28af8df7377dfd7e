using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Atom text constructs and content of a type the parser does not know.</summary>
public sealed class AtomTextTypeTests
{
    [Fact]
    public void A_title_of_an_unknown_type_is_its_text()
    {
        var feed = ParseFeed("TextTypes/unknown-type-title.xml");

        Assert.Equal("Custom Typed Feed", feed.Title);
        Assert.Equal("Hello from a custom type", Assert.Single(feed.Entries).Title);
        Assert.Null(feed.Entries[0].TitleHtml);
    }

    [Fact]
    public void A_summary_and_content_of_an_unknown_type_are_text()
    {
        var entry = Assert.Single(ParseFeed("TextTypes/unknown-type-summary.xml").Entries);

        Assert.Equal("Plain words &amp; no markup.", entry.Summary);
        Assert.Equal("Content in an unknown type, still text.", entry.Content);
    }

    [Fact]
    public void Base64_text_under_another_type_is_decoded_and_binary_content_is_left_out()
    {
        var feed = ParseFeed("TextTypes/unknown-type-base64.xml");

        Assert.Equal("Encoded subtitle", feed.Description);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Decoded title", entry.Title);
        Assert.Null(entry.Content); // a PNG is not text to show
    }
}
