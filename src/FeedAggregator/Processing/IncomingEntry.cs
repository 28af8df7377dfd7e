using FeedAggregator.Parsing;

namespace FeedAggregator.Processing;

/// <summary>
/// A parsed entry with what the store needs before processing: its identity (the same key
/// <see cref="ArticleProcessor"/> gives its article), its canonical link and its raw hash.
/// </summary>
public sealed record IncomingEntry(ParsedEntry Entry, string Key, string? Url, bool IdIsUnique, string RawHash)
{
    /// <summary>
    /// The entries of a document, one per key (a repeated entry: the first occurrence wins, as
    /// readers show it). Costs a link resolution and a hash per entry; nothing is sanitized.
    /// </summary>
    public static IReadOnlyList<IncomingEntry> Of(ParsedFeed feed, Uri? documentUrl)
    {
        var sharedIds = SharedIds(feed);
        var entries = new List<IncomingEntry>(feed.Entries.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Entries)
        {
            var idIsUnique = entry.Id is null || !sharedIds.Contains(entry.Id.Trim());
            var baseUrl = entry.BaseUrl ?? feed.BaseUrl ?? documentUrl;
            var url = CanonicalUrl.Clean(UrlResolver.Resolve(entry.Link, baseUrl));
            // The title only enters the key when there is neither a usable id nor a link; the
            // content's text is read for it only when the entry has no title.
            var title = string.IsNullOrWhiteSpace(entry.Title)
                ? ArticleProcessor.DeriveTitle(entry.Title, HtmlText.ToPlainText(entry.Content ?? entry.Summary), url)
                : entry.Title.Trim();
            var key = ArticleKey.For(entry.Id, url, title, entry.Published, entry.Content ?? entry.Summary, idIsUnique);
            if (keys.Add(key))
                entries.Add(new IncomingEntry(entry, key, url, idIsUnique, RawEntryHash.Of(entry, baseUrl, feed.Language)));
        }

        return entries;
    }

    /// <summary>An id that several entries of one document share identifies none of them: those fall back to the link.</summary>
    internal static HashSet<string> SharedIds(ParsedFeed feed) => feed.Entries
        .Where(e => !string.IsNullOrWhiteSpace(e.Id))
        .GroupBy(e => e.Id!.Trim(), StringComparer.Ordinal)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);
}
