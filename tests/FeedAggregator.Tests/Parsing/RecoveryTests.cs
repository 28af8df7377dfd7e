using FeedAggregator.Parsing;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>
/// Documents that are not well-formed XML are recovered rather than lost: each fixture under
/// TestData/Parsing/Recovery breaks the strict reader in one way real feeds do.
/// </summary>
public sealed class RecoveryTests
{
    private static ParsedFeed Recovered(string fixture, int entries)
    {
        var feed = ParseFeed("Recovery/" + fixture, documentUrl: new Uri("https://feeds.example.com/" + fixture));
        Assert.True(feed.Recovered);
        Assert.StartsWith("recovered from an XML error: ", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Contains($": {entries} entries read", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(entries, feed.Entries.Count);
        return feed;
    }

    [Fact]
    public void Undeclared_content_and_dc_prefixes_are_declared_and_read()
    {
        var feed = Recovered("undeclared-content-dc.xml", 2);

        Assert.Equal("Allotment Notes", feed.Title);
        Assert.Equal("<p>Two rows of <em>Aquadulce</em>, a month late.</p>", feed.Entries[0].Content);
        Assert.Equal(["Morag Finlay"], feed.Entries[0].Authors.Select(a => a.Name));
        Assert.Equal("<p>Beer traps work; the slugs disagree.</p>", feed.Entries[1].Content);
        Assert.Contains("declared the undeclared prefixes content, dc", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_atom_and_itunes_prefixes_are_declared_and_read()
    {
        var feed = Recovered("undeclared-atom-itunes.xml", 2);

        Assert.Equal("https://nightshift.example.org/41", feed.Entries[0].Link);
        Assert.Equal("Keepers, lenses and the last manned light.", feed.Entries[0].Summary);
        Assert.Equal(["Tomasz Wrona"], feed.Entries[0].Authors.Select(a => a.Name));
        Assert.Equal("https://nightshift.example.org/42", feed.Entries[1].Link);
        Assert.Contains("atom, itunes", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_prefix_gets_a_placeholder_namespace_and_its_entry_is_kept()
    {
        var feed = Recovered("undeclared-media-unknown.xml", 2);

        Assert.Equal(["Market morning", "Rain on the bridge"], feed.Entries.Select(e => e.Title));
        Assert.Equal("Fish, flowers and a dog.", feed.Entries[0].Summary);
        Assert.Contains("camera, georss, media", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_backspace_in_a_title_is_removed()
    {
        var feed = Recovered("control-backspace-title.xml", 2);

        Assert.Equal("Budget vote postponed", feed.Entries[0].Title);
        Assert.Contains("removed 1 character XML forbids", feed.Warnings[0], StringComparison.Ordinal);
        // The status line names the character, never carries it.
        Assert.Contains("U+0008", feed.Warnings[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\b', feed.Warnings[0]);
    }

    [Fact]
    public void Nul_escape_and_bell_characters_are_removed_from_content()
    {
        var feed = Recovered("control-nul-escape-content.xml", 2);

        Assert.Equal("<p>Type [31m for red.</p>", feed.Entries[0].Content);
        Assert.Equal("The terminal bell rings.", feed.Entries[1].Summary);
        Assert.Contains("removed 3 characters", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Form_feeds_vertical_tabs_and_references_to_forbidden_characters_are_removed()
    {
        var feed = Recovered("control-formfeed-references.xml", 2);

        Assert.Equal("Print Shop News", feed.Title);
        Assert.Equal("New paper stock", feed.Entries[0].Title);
        Assert.Equal("Cream, ivory and white.", feed.Entries[0].Summary);
    }

    [Fact]
    public void Fields_left_open_are_closed_by_the_next_field_or_the_item()
    {
        var feed = Recovered("unclosed-fields.xml", 3);

        Assert.Equal(["Truing a wheel", "Chain wear", "Brake pads"], feed.Entries.Select(e => e.Title));
        Assert.Equal("https://bikes.example.org/truing", feed.Entries[0].Link);
        Assert.Equal("https://bikes.example.org/chain", feed.Entries[1].Link);
        Assert.Equal("Measure it <b>before</b> it skips.", feed.Entries[1].Summary);
    }

    [Fact]
    public void End_tags_in_another_case_and_raw_html_in_a_description_are_read()
    {
        var feed = Recovered("mismatched-case-and-html.xml", 2);

        Assert.Equal("Choir Newsletter", feed.Title);
        Assert.Equal("Spring concert", feed.Entries[0].Title);
        Assert.Contains("Haydn", feed.Entries[0].Summary, StringComparison.Ordinal);
        Assert.Contains("Fauré", feed.Entries[0].Summary, StringComparison.Ordinal);
        Assert.Equal("https://choir.example.net/tenors", feed.Entries[1].Link);
        Assert.Contains("dropped 1 end tag that closed nothing", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_left_open_is_closed_by_the_next_and_the_cut_off_last_one_is_dropped()
    {
        var feed = Recovered("unclosed-entries-stray-ends.xml", 2);

        Assert.Equal(["Leith Walk closed", "Night works"], feed.Entries.Select(e => e.Title));
        Assert.Equal("Noise expected until two.", feed.Entries[1].Summary);
        Assert.Contains("dropped 2 end tags that closed nothing", feed.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("dropped the last entry, cut off by the end of the document", feed.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_feed_is_not_recovered()
    {
        var feed = ParseFeed("rss20-full.xml");

        Assert.False(feed.Recovered);
        Assert.DoesNotContain(feed.Warnings, w => w.StartsWith("recovered", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_and_an_xml_declaration_before_the_root_are_skipped()
    {
        var result = ParseText("""
            <b>Warning</b>: Cannot modify header information in /var/www/feed.php on line 3
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>After the warning</title>
            <item><title>Kept</title></item></channel></rss>
            """);

        var feed = result.Feed!;
        Assert.True(feed.Recovered);
        Assert.Equal("After the warning", feed.Title);
        Assert.Equal("Kept", Assert.Single(feed.Entries).Title);
    }

    [Theory]
    [InlineData("html-page.html")]
    [InlineData("html-page-lowercase-doctype.html")]
    public void An_html_page_is_not_recovered_into_a_feed(string fixture)
    {
        var result = Parse(fixture);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("not a feed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_expands_no_entity_and_reads_no_external_one()
    {
        // A broken document that also carries the entity attacks: recovery drops the DOCTYPE and
        // repairs nothing into an expansion.
        var result = ParseText("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>Bad &lol2; &xxe;</title>
            <item><title>One</title><dc:creator>x</dc:creator></item></channel></rss>
            """);

        var feed = result.Feed!;
        Assert.True(feed.Recovered);
        Assert.Equal("Bad &lol2; &xxe;", feed.Title);
        Assert.DoesNotContain("root:", feed.Title, StringComparison.Ordinal);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void Recovery_keeps_the_entry_limit()
    {
        var items = string.Concat(Enumerable.Range(1, 9).Select(i => $"<item><title>Item {i}</title><dc:creator>x</dc:creator></item>"));

        var feed = ParseText($"<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>", new ParsingOptions { MaxEntries = 4 }).Feed!;

        Assert.True(feed.Recovered);
        Assert.Equal(4, feed.Entries.Count);
        Assert.Contains(feed.Warnings, w => w.Contains("more than the limit of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_cut_off_mid_entry_keeps_the_entries_before_it_with_the_strict_reading_as_a_floor()
    {
        const string whole = """
            <rss version="2.0"><channel><title>Floor</title>
            <item><title>One</title></item><item><title>Two</title></item><item><title>Thr
            """;

        var feed = ParseText(whole).Feed!;

        Assert.Equal(["One", "Two"], feed.Entries.Select(e => e.Title));
    }
}
