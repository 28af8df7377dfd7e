using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Stories;

namespace FeedAggregator.Storage;

/// <summary>The articles table as Dapper reads it; lists are JSON text columns.</summary>
internal sealed record ArticleRow
{
    public const string Columns = """
        a.id AS Id, a.feed_id AS FeedId, a.key AS Key, a.public_id AS PublicId, a.source_id AS SourceId,
        a.url AS Url, a.title AS Title, a.summary_html AS SummaryHtml, a.content_html AS ContentHtml,
        a.authors AS Authors, a.categories AS Categories, a.enclosures AS Enclosures,
        a.published_at AS PublishedAt, a.updated_at AS UpdatedAt, a.language AS Language,
        a.content_hash AS ContentHash, a.first_seen_at AS FirstSeenAt, a.last_changed_at AS LastChangedAt,
        a.story_id AS StoryId, a.story_match AS StoryMatch, a.story_score AS StoryScore, a.fingerprint AS Fingerprint
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Id { get; init; }
    public long FeedId { get; init; }
    public string Key { get; init; } = "";
    public string PublicId { get; init; } = "";
    public string? SourceId { get; init; }
    public string? Url { get; init; }
    public string Title { get; init; } = "";
    public string? SummaryHtml { get; init; }
    public string? ContentHtml { get; init; }
    public string Authors { get; init; } = "[]";
    public string Categories { get; init; } = "[]";
    public string Enclosures { get; init; } = "[]";
    public long? PublishedAt { get; init; }
    public long? UpdatedAt { get; init; }
    public string? Language { get; init; }
    public string ContentHash { get; init; } = "";
    public long FirstSeenAt { get; init; }
    public long LastChangedAt { get; init; }
    public long? StoryId { get; init; }
    public string StoryMatch { get; init; } = "first";
    public double? StoryScore { get; init; }
    public byte[]? Fingerprint { get; init; }

    public Article ToArticle() => new()
    {
        Id = Id,
        FeedId = FeedId,
        Key = Key,
        PublicId = PublicId,
        SourceId = SourceId,
        Url = Url,
        Title = Title,
        SummaryHtml = SummaryHtml,
        ContentHtml = ContentHtml,
        // Objects with a name and an e-mail; rows written before e-mails were kept hold plain names.
        Authors = JsonSerializer.Deserialize<List<Author>>(Authors, Json) ?? [],
        Categories = JsonSerializer.Deserialize<List<string>>(Categories, Json) ?? [],
        Enclosures = JsonSerializer.Deserialize<List<Enclosure>>(Enclosures, Json) ?? [],
        Published = UnixTime.FromDb(PublishedAt),
        Updated = UnixTime.FromDb(UpdatedAt),
        Language = Language,
        ContentHash = ContentHash,
        FirstSeenAt = UnixTime.FromDb(FirstSeenAt),
        LastChangedAt = UnixTime.FromDb(LastChangedAt),
        StoryId = StoryId ?? Id,
        StoryMatch = StoryMatch,
        StoryScore = StoryScore,
        Fingerprint = TextFingerprint.FromBytes(Fingerprint),
    };

    /// <summary>The values an insert or an update writes, named as in the writer's SQL.</summary>
    public static readonly string[] WriteNames =
    [
        "feedId", "key", "sourceId", "url", "title", "summaryHtml", "contentHtml", "authors", "categories",
        "enclosures", "publishedAt", "updatedAt", "language", "contentHash", "now", "fingerprint", "rawHash",
    ];

    /// <summary>The values of <see cref="WriteNames"/> for <paramref name="article"/>, then <paramref name="more"/>.</summary>
    public static object?[] WriteValues(Article article, long feedId, DateTimeOffset now, params ReadOnlySpan<object?> more) =>
    [
        feedId, article.Key, article.SourceId, article.Url, article.Title, article.SummaryHtml, article.ContentHtml,
        JsonSerializer.Serialize(article.Authors, Json), JsonSerializer.Serialize(article.Categories, Json),
        JsonSerializer.Serialize(article.Enclosures, Json), UnixTime.ToDb(article.Published), UnixTime.ToDb(article.Updated),
        article.Language, article.ContentHash, UnixTime.ToDb(now), article.Fingerprint?.ToBytes(), article.RawHash,
        .. more,
    ];
}
