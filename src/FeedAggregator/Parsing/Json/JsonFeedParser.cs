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
    private const string LegacyVersionPrefix = "http://jsonfeed.org/version/";

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
        if (FormatOf(version, document, context) is not { } format)
        {
            return ParseResult.Failure(breakMessage
                ?? $"not a feed: a JSON document whose \"version\" is {(version is null ? "missing" : $"\"{version}\"")}, not {VersionPrefix}1.1");
        }

        var feedAuthors = JsonValues.Authors(document.Top("authors"), document.Top("author"));
        var entries = context.NewEntryList();
        foreach (var item in document.Items)
            entries.Add(JsonItemMapper.Map(item, feedAuthors, context));
        for (var i = 0; i < document.SkippedItems; i++)
            entries.Skip();

        var feed = new ParsedFeed
        {
            Format = format,
            Title = HtmlText.CollapseWhitespace(JsonValues.String(document.Top("title"))),
            Link = JsonValues.String(document.Top("home_page_url")),
            Description = HtmlText.CollapseWhitespace(JsonValues.String(document.Top("description"))),
            Language = JsonValues.String(document.Top("language")),
            BaseUrl = context.DocumentUrl,
            // JSON Feed's "hubs": endpoints of any push protocol; only WebSub's are ours to use.
            Hubs = [.. JsonValues.Array(document.Top("hubs"))
                .Where(h => string.Equals(JsonValues.String(h, "type"), "WebSub", StringComparison.OrdinalIgnoreCase))
                .Select(h => JsonValues.String(h, "url"))
                .OfType<string>()],
            SelfUrl = JsonValues.String(document.Top("feed_url")),
        };
        return context.Complete(feed, entries, breakMessage);
    }

    // The version URL (early feeds wrote it with http://); a bare "1", "1.0" or "1.1", as some
    // generators write it; or none at all on a document shaped like a feed (items and a title).
    // The last two are read with a warning, since the document does not say what it is.
    private static FeedFormat? FormatOf(string? version, JsonFeedDocument document, ParseContext context)
    {
        if (version is null)
        {
            if (!document.HasItems || JsonValues.String(document.Top("title")) is null)
                return null;
            context.Warn($"the JSON document has no \"version\"; read as JSON Feed 1.1 by its items and title");
            return FeedFormat.Json11;
        }

        var number = version.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase) ? version[VersionPrefix.Length..]
            : version.StartsWith(LegacyVersionPrefix, StringComparison.OrdinalIgnoreCase) ? version[LegacyVersionPrefix.Length..]
            : null;
        if (number is not null)
            return number.TrimEnd('/') == "1" ? FeedFormat.Json10 : FeedFormat.Json11;

        FeedFormat? format = version switch
        {
            "1" or "1.0" => FeedFormat.Json10,
            "1.1" => FeedFormat.Json11,
            _ => null,
        };
        if (format is not null)
            context.Warn($"the JSON Feed \"version\" is \"{version}\", not {VersionPrefix}{(format == FeedFormat.Json10 ? "1" : "1.1")}; read as that version");
        return format;
    }
}
