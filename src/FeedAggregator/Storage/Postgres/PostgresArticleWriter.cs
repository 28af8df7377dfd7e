using FeedAggregator.Model;
using FeedAggregator.Stories;
using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// One feed document's poll state and articles, in the caller's transaction: what SQLite's
/// StoreWriter does, in PostgreSQL's terms. Several workers write at once; the unique index on
/// (feed, key) keeps a concurrent writer's row from being doubled, and the leases keep two
/// workers from storing one feed's poll at once.
/// </summary>
internal static class PostgresArticleWriter
{
    // One statement per document: its stored keys, what retention removed, and the feed's
    // articles under other keys with one of its links (a guid the feed changed).
    private const string Lookup = """
        SELECT 0, key, id, content_hash, raw_hash, fingerprint, NULL::text, NULL::text FROM articles
        WHERE feed_id = @feedId AND key = ANY(@keys)
        UNION ALL
        SELECT 1, key, NULL, NULL, NULL, NULL, url, NULL FROM tombstones
        WHERE feed_id = @feedId AND (key = ANY(@keys) OR url = ANY(@urls))
        UNION ALL
        SELECT 2, key, id, content_hash, raw_hash, fingerprint, url, title FROM articles
        WHERE url = ANY(@urls) AND feed_id = @feedId AND NOT (key = ANY(@documentKeys))
        """;

    // The new row's id is taken from the sequence here, so that an article that starts its own
    // story is written once, with story_id = id. The casts type the values a null may stand for.
    private const string Insert = """
        INSERT INTO articles (id, feed_id, key, public_id, source_id, url, title, summary_html, content_html,
                              authors, categories, enclosures, published_at, updated_at, language,
                              content_hash, first_seen_at, last_changed_at, sort_at,
                              story_id, story_match, story_score, fingerprint, raw_hash, search)
        SELECT n.id, @feedId, @key, @publicId, @sourceId::text, @url::text, @title, @summaryHtml::text, @contentHtml::text,
               @authors, @categories, @enclosures, @publishedAt::bigint, @updatedAt::bigint, @language::text,
               @contentHash, @now, @now, coalesce(@publishedAt::bigint, @now),
               coalesce(@storyId::bigint, n.id), @storyMatch, @storyScore::double precision, @fingerprint::bytea, @rawHash::text,
               to_tsvector('simple', @search)
        FROM (SELECT nextval('articles_id_seq') AS id) n
        ON CONFLICT (feed_id, key) DO NOTHING
        RETURNING id
        """;

    // Same identity, new text: changed in place. The key, public id and story stay.
    private const string Update = """
        UPDATE articles SET
            source_id = @sourceId, url = @url, title = @title, summary_html = @summaryHtml,
            content_html = @contentHtml, authors = @authors, categories = @categories,
            enclosures = @enclosures, published_at = @publishedAt,
            updated_at = CASE WHEN @updatedAt::bigint > coalesce(updated_at, 0) THEN @updatedAt::bigint ELSE @now END,
            language = @language, content_hash = @contentHash, last_changed_at = @now,
            sort_at = coalesce(@publishedAt::bigint, first_seen_at), fingerprint = @fingerprint, raw_hash = @rawHash,
            search = to_tsvector('simple', @search)
        WHERE id = @id
        """;

    /// <summary>Stores one poll: its poll state and, when a document was parsed, its new and changed articles.</summary>
    public static async Task<StoreSummary> SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentWrite write, double threshold, DateTimeOffset storedAt,
        CancellationToken cancellationToken)
    {
        var (polledFeed, now) = (write.Feed, write.Now);
        // A push (WebSub) stores articles only: the feed's poll state is the poll's.
        if (write.PollState)
        {
            await using var pollState = PostgresCommand.Create(
                connection, transaction, FeedPollStateSql.Update, FeedPollState.Names, FeedPollState.Values(polledFeed, storedAt));
            await pollState.ExecuteNonQueryAsync(cancellationToken);
        }

        if (write.Articles is not { } articles)
            return new StoreSummary(0, 0, 0);

        // One document may repeat an entry: the first occurrence wins, as readers show it.
        var unique = articles.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        string[] keys = [.. unique.Select(a => a.Key)];
        var known = await LookupAsync(
            connection, transaction, polledFeed.Id, keys, [.. unique.Select(a => a.Url).OfType<string>()],
            write.DocumentKeys is { } all ? [.. all.Concat(keys)] : keys, cancellationToken);

        int added = 0, updated = 0, unchanged = 0, merged = 0;
        foreach (var article in unique)
        {
            var stored = known.Stored.GetValueOrDefault(article.Key);
            if (stored is null && known.IsRemoved(article.Key, article.Url))
            {
                // Retention removed it: a feed that still lists it does not bring it back.
                unchanged++;
                continue;
            }

            stored ??= known.RenamedFrom(article);
            if (stored is null)
            {
                var (inserted, joined) = await InsertAsync(connection, transaction, polledFeed, article, now, threshold, cancellationToken);
                added += inserted;
                merged += joined;
            }
            else if (stored.ContentHash != article.ContentHash)
            {
                updated += await UpdateAsync(connection, transaction, polledFeed, article, stored, now, cancellationToken);
            }
            else
            {
                unchanged++;
                // The same article from a differently written entry: remember the new raw hash.
                if (article.RawHash is not null && article.RawHash != stored.RawHash)
                    await ExecuteAsync(connection, transaction, "UPDATE articles SET raw_hash = @rawHash WHERE id = @id", ["rawHash", "id"], [article.RawHash, stored.Id], cancellationToken);
            }
        }

        return new StoreSummary(added, updated, unchanged, merged);
    }

    public static async Task<StoredEntries> LookupAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long feedId, string[] keys, string[] urls, string[] documentKeys,
        CancellationToken cancellationToken)
    {
        await using var command = PostgresCommand.Create(connection, transaction, Lookup, ["feedId", "keys", "urls", "documentKeys"], feedId, keys, urls, documentKeys);
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        return StoredEntries.Read(rows);
    }

    /// <summary>Adds a new article: 1 added (0 when a concurrent writer's row was there first), and 1 joined when it joined another article's story.</summary>
    private static async Task<(int Added, int Joined)> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Feed polledFeed, Article article, DateTimeOffset now, double threshold,
        CancellationToken cancellationToken)
    {
        var story = await PostgresStoryIndex.FindStoryAsync(connection, transaction, article, polledFeed.Id, threshold, cancellationToken);
        var values = ArticleRow.WriteValues(article, polledFeed.Id, now,
            PublicId.For(polledFeed.Url, article.Key), story?.StoryId, story?.Match ?? "first", story?.Score, PostgresSearch.TextOf(article));
        await using var command = PostgresCommand.Create(
            connection, transaction, Insert, [.. ArticleRow.WriteNames, "publicId", "storyId", "storyMatch", "storyScore", "search"], values);
        // The unique index is the last word: a concurrent writer's row is never doubled.
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
            return (0, 0);
        await PostgresStoryIndex.AddBucketsAsync(connection, transaction, id, article.Fingerprint, cancellationToken);
        return (1, story is null ? 0 : 1);
    }

    private static async Task<int> UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Feed polledFeed, Article article, StoredKey stored, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(connection, transaction, Update, [.. ArticleRow.WriteNames, "id", "search"],
            ArticleRow.WriteValues(article, polledFeed.Id, now, stored.Id, PostgresSearch.TextOf(article)), cancellationToken);
        var fingerprint = article.Fingerprint?.ToBytes();
        if (stored.Fingerprint is null != fingerprint is null || (fingerprint is not null && !fingerprint.AsSpan().SequenceEqual(stored.Fingerprint)))
        {
            await PostgresStoryIndex.RemoveBucketsAsync(connection, transaction, [stored.Id], [TextFingerprint.FromBytes(stored.Fingerprint)], cancellationToken);
            await PostgresStoryIndex.AddBucketsAsync(connection, transaction, stored.Id, article.Fingerprint, cancellationToken);
        }

        return changed;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string[] names, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommand.Create(connection, transaction, sql, names, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
