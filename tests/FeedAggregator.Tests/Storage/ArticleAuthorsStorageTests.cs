using Dapper;
using FeedAggregator.Model;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>The articles.authors column keeps names and e-mails, and still reads rows that kept names only.</summary>
public sealed class ArticleAuthorsStorageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<Feed> SubscribeAsync(TempDatabase db)
    {
        await db.Feeds.SyncSubscriptionsAsync([new("https://a.example/feed")], Now, None);
        return (await db.Feeds.ListAsync(None)).Single();
    }

    private static Article Make(IReadOnlyList<Author> authors) => new()
    {
        Key = "guid:1",
        Title = "One",
        Authors = authors,
        ContentHash = "h1",
    };

    [Fact]
    public async Task Names_and_emails_are_stored_as_objects_and_read_back()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feed = await SubscribeAsync(db);

        await db.Articles.SaveAsync(feed, [Make([new Author("Jane Doe", "jane@example.com"), new Author(null, "kai@example.com"), new Author("Ann", null)])], Now, None);

        await using (var connection = await db.Connections.OpenAsync(None))
        {
            var column = await connection.QuerySingleAsync<string>("SELECT authors FROM articles");
            Assert.Equal("""[{"name":"Jane Doe","email":"jane@example.com"},{"email":"kai@example.com"},{"name":"Ann"}]""", column);
        }
        var article = (await db.Articles.GetNewestAsync(1, None)).Single().Article;
        Assert.Equal([new Author("Jane Doe", "jane@example.com"), new Author(null, "kai@example.com"), new Author("Ann", null)], article.Authors);
    }

    [Fact]
    public async Task Rows_written_before_emails_were_kept_read_as_names()
    {
        await using var db = await TempDatabase.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make([])], Now, None);
        await using (var connection = await db.Connections.OpenAsync(None))
            await connection.ExecuteAsync("""UPDATE articles SET authors = '["Jane Doe","Omar Haddad"]'""");

        var article = (await db.Articles.GetNewestAsync(1, None)).Single().Article;

        Assert.Equal([new Author("Jane Doe", null), new Author("Omar Haddad", null)], article.Authors);
    }
}
