using System.Xml;
using FeedAggregator.Parsing;
using FeedAggregator.Parsing.Xml;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

public sealed class XmlSafetyTests
{
    [Fact]
    public void An_entity_bomb_is_never_expanded()
    {
        var feed = ParseFeed("entity-bomb.xml");

        Assert.Equal("Laughs &lol9;", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("&lol9;", entry.Title);
        Assert.Equal("&lol9;&lol9;&lol9;", entry.Summary); // the literal text, not an expansion
        Assert.DoesNotContain("lollol", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(feed.Warnings, w => w.Contains("&lol9;", StringComparison.Ordinal));
    }

    [Fact]
    public void An_external_entity_is_never_read()
    {
        var feed = ParseFeed("external-entity.xml");

        Assert.Equal("Innocent &xxe;", feed.Title);
        Assert.Equal("&xxe;", Assert.Single(feed.Entries).Summary);
        Assert.DoesNotContain(feed.Entries, e => e.Summary!.Contains("root:", StringComparison.Ordinal));
        Assert.DoesNotContain("root:", feed.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entity-bomb.xml")]
    [InlineData("external-entity.xml")]
    public void The_reader_settings_alone_refuse_to_expand_or_resolve(string fixture)
    {
        // Without the entity repair in front, the safe reader meets the raw references: it must stop, not expand.
        var text = System.Text.Encoding.UTF8.GetString(Bytes(fixture));
        using var reader = SafeXmlReader.Create(new StringReader(text), new ParsingOptions());

        var error = Assert.Throws<XmlException>(() => { while (reader.Read()) { } });

        Assert.Contains("undeclared entity", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_reader_settings_are_the_safe_ones()
    {
        var settings = SafeXmlReader.Settings(new ParsingOptions { MaxDocumentBytes = 1000 });

        Assert.Equal(DtdProcessing.Ignore, settings.DtdProcessing);
        Assert.True(settings.MaxCharactersFromEntities is > 0 and <= 4096);
        Assert.Equal(2000, settings.MaxCharactersInDocument);
    }

    [Fact]
    public void An_external_dtd_is_not_fetched()
    {
        // The DTD URL points at a closed local port: a fetch would fail the parse; ignoring it parses.
        const string document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss-0.91.dtd">
            <rss version="0.91"><channel><title>T</title><item><title>x</title></item></channel></rss>
            """;

        var result = ParseText(document);

        Assert.True(result.IsSuccess, result.Error);
    }
}
