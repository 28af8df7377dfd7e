using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Json;

/// <summary>
/// JSON Feed 1.0 and 1.1. The document is streamed: each item is read on its own, so a document
/// cut off half way keeps the items before the break, and items past the limit are never built.
/// </summary>
internal static class JsonFeedParser
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    public static ParseResult Parse(ReadOnlySpan<byte> json, ParseContext context)
    {
        // Invalid UTF-8 inside a string would throw when the string is read; replace it up front.
        if (!Utf8.IsValid(json))
        {
            context.Warn("the JSON document is not valid UTF-8; undecodable bytes were replaced");
            json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json));
        }

        var document = new JsonFeedDocument(context.Options.MaxEntries);
        string? breakMessage = null;
        try
        {
            if (!document.Read(json, context.Options.MaxJsonDepth))
                return ParseResult.Failure("not a feed: the JSON document is not an object");
        }
        catch (JsonException ex)
        {
            breakMessage = $"malformed or cut-off JSON: {ex.Message}";
        }

        var version = JsonValues.String(document.Top("version"));
        if (version is null || !IsJsonFeedVersion(version))
        {
            return ParseResult.Failure(breakMessage
                ?? $"not a feed: a JSON document whose \"version\" is {(version is null ? "missing" : $"\"{version}\"")}, not {VersionPrefix}1.1");
        }

        var feedAuthors = JsonValues.Authors(document.Top("authors"), document.Top("author"));
        var entries = new EntryList(context.Options.MaxEntries);
        foreach (var item in document.Items)
            entries.Add(JsonItemMapper.Map(item, feedAuthors, context));
        for (var i = 0; i < document.SkippedItems; i++)
            entries.Skip();

        var feed = new ParsedFeed
        {
            Format = version.TrimEnd('/').EndsWith("/1", StringComparison.Ordinal) ? FeedFormat.Json10 : FeedFormat.Json11,
            Title = HtmlText.CollapseWhitespace(JsonValues.String(document.Top("title"))),
            Link = JsonValues.String(document.Top("home_page_url")),
            Description = HtmlText.CollapseWhitespace(JsonValues.String(document.Top("description"))),
            Language = JsonValues.String(document.Top("language")),
            BaseUrl = context.DocumentUrl,
        };
        return context.Complete(feed, entries, breakMessage);
    }

    // Early feeds wrote the version with http://; the rest of the document is the same.
    private static bool IsJsonFeedVersion(string version) =>
        version.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase)
        || version.StartsWith("http://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase);
}
