using System.IO.Hashing;
using System.Runtime.InteropServices;
using FeedAggregator.Parsing;

namespace FeedAggregator.Processing;

/// <summary>
/// The hash of an entry as parsed, with everything processing reads besides it (the base URL,
/// the feed's language): the same hash means processing would make the same article, so an entry
/// stored under its key with this hash is skipped before any sanitizing or fingerprinting.
/// Every entry of every poll is hashed, so the hash is XXH128: not a cryptographic one (a feed
/// that wants an entry to look unchanged need only leave it unchanged), but one at memory speed.
/// </summary>
public static class RawEntryHash
{
    // Raise it when processing makes something else of the same entry (a sanitizer rule, a new
    // field): every stored article is then processed once more at its next poll. (2: the hash
    // became XXH128; stored SHA-256 values match none, with the same effect.)
    private const int ProcessingVersion = 2;

    public static string Of(ParsedEntry entry, Uri? baseUrl, string? feedLanguage)
    {
        var hash = new XxHash128();
        Add(hash, ProcessingVersion);
        Add(hash, baseUrl?.OriginalString);
        Add(hash, feedLanguage);
        Add(hash, entry.Id);
        Add(hash, entry.Title);
        Add(hash, entry.Link);
        Add(hash, entry.Published?.UtcTicks ?? -1);
        Add(hash, entry.Updated?.UtcTicks ?? -1);
        Add(hash, entry.Summary);
        Add(hash, entry.SummaryBaseUrl?.OriginalString);
        Add(hash, entry.Content);
        Add(hash, entry.ContentBaseUrl?.OriginalString);
        Add(hash, entry.Language);
        Add(hash, entry.Authors.Count);
        foreach (var author in entry.Authors)
        {
            Add(hash, author.Name);
            Add(hash, author.Email);
        }

        Add(hash, entry.Categories);
        Add(hash, entry.Enclosures.Count);
        foreach (var enclosure in entry.Enclosures)
        {
            Add(hash, enclosure.Url);
            Add(hash, enclosure.Type);
            Add(hash, enclosure.Length ?? -1);
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    private static void Add(XxHash128 hash, long value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));

    // Length first (-1 for null), then the UTF-16 code units as they are: no encoding pass, and no
    // two different field sequences hash alike.
    private static void Add(XxHash128 hash, string? value)
    {
        Add(hash, value?.Length ?? -1);
        if (value is not null)
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static void Add(XxHash128 hash, IReadOnlyList<string> values)
    {
        Add(hash, values.Count);
        foreach (var value in values)
            Add(hash, value);
    }
}
