using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;
using static FeedAggregator.Tests.Parsing.ParsingFixtures;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Authors split into name and e-mail, the same whatever shape the feed writes them in.</summary>
public sealed class AuthorTests
{
    [Theory]
    [InlineData("Jane Doe <jane@example.com>", "Jane Doe", "jane@example.com")]
    [InlineData("Jane Doe (jane@example.com)", "Jane Doe", "jane@example.com")]
    [InlineData("jane@example.com (Jane Doe)", "Jane Doe", "jane@example.com")]
    [InlineData("  jane@example.com   ( Jane  Doe ) ", "Jane Doe", "jane@example.com")]
    [InlineData("<jane@example.com>", null, "jane@example.com")]
    [InlineData("mailto:jane@example.com", null, "jane@example.com")]
    [InlineData("jane@example.com", null, "jane@example.com")]
    [InlineData("Jane Doe", "Jane Doe", null)]
    [InlineData("<b>Jane</b> Doe", "Jane Doe", null)]
    [InlineData("Doe, Jane (Editor)", "Doe, Jane (Editor)", null)]
    public void Parses_the_common_shapes(string text, string? name, string? email)
    {
        Assert.Equal(new Author(name, email), AuthorText.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<br/>")]
    public void Nothing_is_no_author(string text)
    {
        Assert.Null(AuthorText.Parse(text));
    }

    [Fact]
    public void One_person_named_twice_is_merged()
    {
        var authors = new List<Author>();

        AuthorText.Add(authors, new Author("Jane Doe", null));
        AuthorText.Add(authors, new Author("Jane Doe", "jane@example.com"));
        AuthorText.Add(authors, new Author(null, "JANE@example.com"));
        AuthorText.Add(authors, new Author("Jane Doe", "other@example.com"));

        Assert.Equal([new Author("Jane Doe", "jane@example.com"), new Author("Jane Doe", "other@example.com")], authors);
    }

    [Fact]
    public void Rss_authors_read_the_same_in_every_shape()
    {
        var feed = ParseFeed("Authors/rss-author-shapes.xml");

        var jane = new Author("Jane Doe", "jane@example.com");
        Assert.Equal([jane], feed.Entries[0].Authors);
        Assert.Equal([jane], feed.Entries[1].Authors);
        Assert.Equal([jane], feed.Entries[2].Authors);
        Assert.Equal([new Author(null, "jane@example.com")], feed.Entries[3].Authors);
        Assert.Equal([new Author("Jane Doe", null)], feed.Entries[4].Authors);
        Assert.Equal([jane], feed.Entries[5].Authors);
    }

    [Fact]
    public void Atom_authors_keep_name_and_email()
    {
        var feed = ParseFeed("Authors/atom-author-shapes.xml");

        var omar = new Author("Omar Haddad", "omar@example.org");
        Assert.Equal([omar], feed.Entries[0].Authors);
        Assert.Equal([omar], feed.Entries[1].Authors);
        Assert.Equal([new Author(null, "omar@example.org")], feed.Entries[2].Authors);
    }

    [Fact]
    public void Json_feed_authors_take_an_email_from_a_mailto_url()
    {
        var feed = ParseFeed("Authors/jsonfeed-author-shapes.json");

        Assert.Equal([new Author("Kai Berg", "kai@example.com")], feed.Entries[0].Authors);
        Assert.Equal([new Author(null, "kai@example.com")], feed.Entries[1].Authors);
        Assert.Equal([new Author("Kai Berg", null)], feed.Entries[2].Authors);
        Assert.Equal([new Author("Kai Berg", "kai@example.com")], feed.Entries[3].Authors);
    }

    [Fact]
    public void The_label_is_the_name_else_the_email()
    {
        Assert.Equal("Jane Doe", new Author("Jane Doe", "jane@example.com").Label);
        Assert.Equal("jane@example.com", new Author(null, "jane@example.com").Label);
    }

    [Fact]
    public void Text_with_an_at_sign_that_is_not_an_email_is_a_name()
    {
        Assert.Equal(new Author("Sam @ Kitchen", null), AuthorText.Parse("Sam @ Kitchen"));
    }

    [Theory]
    [InlineData("Ana Ruiz", " ", "Ana Ruiz", null)]
    [InlineData("Ana Ruiz", "mailto:", "Ana Ruiz", null)]
    [InlineData(null, "mailto:ana@example.com", null, "ana@example.com")]
    public void Of_keeps_only_the_parts_that_are_there(string? name, string? email, string? expectedName, string? expectedEmail)
    {
        Assert.Equal(new Author(expectedName, expectedEmail), AuthorText.Of(name, email));
    }

    [Theory]
    [InlineData("  ", "mailto:")]
    [InlineData(null, null)]
    public void Of_blank_name_and_email_is_no_author(string? name, string? email)
    {
        Assert.Null(AuthorText.Of(name, email));
    }

    [Fact]
    public void Adding_an_email_the_list_has_fills_in_nothing_and_keeps_the_known_name()
    {
        var authors = new List<Author> { new("Ana Ruiz", "ana@example.com") };

        AuthorText.Add(authors, new Author(null, "ANA@example.com"));

        Assert.Equal([new Author("Ana Ruiz", "ana@example.com")], authors);
    }

    [Fact]
    public void Two_people_are_kept_apart_when_they_share_nothing_or_only_an_email_under_different_names()
    {
        var authors = new List<Author> { new("Ana Ruiz", "desk@example.com") };

        AuthorText.Add(authors, new Author(null, "ben@example.com"));
        AuthorText.Add(authors, new Author("Cy Park", "desk@example.com"));

        Assert.Equal([new Author("Ana Ruiz", "desk@example.com"), new Author(null, "ben@example.com"), new Author("Cy Park", "desk@example.com")], authors);
    }
}
