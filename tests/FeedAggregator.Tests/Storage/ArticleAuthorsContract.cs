using FeedAggregator.Model;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Storage;

/// <summary>The articles.authors column keeps names and e-mails, and still reads rows that kept names only.</summary>
public abstract class ArticleAuthorsContract
{
    /// <summary>The provider under test.</summary>
    protected abstract StoreFixture Store { get; }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<Feed> SubscribeAsync(ITestStore db)
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

    [SkippableFact]
    public async Task Names_and_emails_are_stored_as_objects_and_read_back()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);

        await db.Articles.SaveAsync(feed, [Make([new Author("Jane Doe", "jane@example.com"), new Author(null, "kai@example.com"), new Author("Ann", null)])], Now, None);

        Assert.Equal("""[{"name":"Jane Doe","email":"jane@example.com"},{"email":"kai@example.com"},{"name":"Ann"}]""", await db.ScalarAsync<string>("SELECT authors FROM articles"));
        var article = (await db.Articles.GetNewestAsync(1, None)).Single().Article;
        Assert.Equal([new Author("Jane Doe", "jane@example.com"), new Author(null, "kai@example.com"), new Author("Ann", null)], article.Authors);
    }

    [SkippableFact]
    public async Task Rows_written_before_emails_were_kept_read_as_names()
    {
        await using var db = await Store.CreateAsync();
        var feed = await SubscribeAsync(db);
        await db.Articles.SaveAsync(feed, [Make([])], Now, None);
        await db.ExecuteAsync("""UPDATE articles SET authors = '["Jane Doe","Omar Haddad"]'""");

        var article = (await db.Articles.GetNewestAsync(1, None)).Single().Article;

        Assert.Equal([new Author("Jane Doe", null), new Author("Omar Haddad", null)], article.Authors);
    }
}

/// <summary>The articleauthors contract on SQLite.</summary>
public sealed class SqliteArticleAuthorsTests : ArticleAuthorsContract
{
    protected override StoreFixture Store => StoreFixture.Sqlite;
}

/// <summary>The articleauthors contract on PostgreSQL (skipped, with a message, when no server is configured).</summary>
public sealed class PostgresArticleAuthorsTests : ArticleAuthorsContract
{
    protected override StoreFixture Store => StoreFixture.Postgres;
}
