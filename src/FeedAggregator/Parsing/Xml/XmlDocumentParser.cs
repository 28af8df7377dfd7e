using System.Text;
using System.Xml;
using FeedAggregator.Parsing.Atom;
using FeedAggregator.Parsing.Rss;
using FeedAggregator.Parsing.Text;
using FeedAggregator.Parsing.Xml.Recovery;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// An XML feed document: decoded, its entities repaired, then read strictly. Only when the strict
/// reading meets an XML error is the document rewritten by <see cref="TolerantXml"/> and read
/// again, so a well-formed feed pays nothing for the recovery path. A recovered feed says so
/// (<see cref="ParsedFeed.Recovered"/> and a warning), as feedparser flags "bozo" feeds.
/// </summary>
internal static class XmlDocumentParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> bytes, string? contentType, ParseContext context)
    {
        using var decoded = DocumentDecoder.Decode(bytes, contentType, context);
        using var repaired = EntityRepair.Repair(decoded.Span, context);
        var text = repaired ?? decoded;
        var mark = context.WarningCount;
        var strict = Read(text, context, out var xmlError);
        return xmlError is null ? strict : Recover(text, strict, xmlError, context.Restart(mark));
    }

    /// <summary>
    /// The strict reading of <see cref="Parse"/> without the document held whole: the bytes are
    /// read from <paramref name="open"/> and decoded as the reader goes, the entries are kept
    /// without their summary and content, and the result reads the document once more to hand
    /// each entry on whole (see <see cref="StreamedFeed"/>). Null when the document needs more
    /// than that reading (an encoding that is not ASCII-compatible or bytes it cannot decode,
    /// entity repair, an XML error and its recovery): the caller then parses it whole, so both
    /// give the same feed.
    /// </summary>
    public static StreamedFeed? ParseStreamed(Func<Stream> open, string? contentType, ParsingOptions options, Uri? documentUrl)
    {
        var first = ReadDecoding(open, contentType, new ParseContext(options, documentUrl) { KeepEntry = e => e with { Summary = null, Content = null } });
        if (first?.Feed is not { } feed)
            return null;

        return StreamedFeed.Streamed(first, onEntry =>
        {
            var (index, handing) = (0, false);
            var again = new ParseContext(options, documentUrl)
            {
                // What the first reading kept (inherited authors too), with the text it left out.
                KeepEntry = entry =>
                {
                    if (index == feed.Entries.Count)
                        throw new InvalidDataException("it has more entries than before");
                    handing = true;
                    onEntry(feed.Entries[index] with { Summary = entry.Summary, Content = entry.Content });
                    (index, handing) = (index + 1, false);
                    return null;
                },
            };
            // The same bytes read the same; only a file rewritten in place between the readings reads otherwise.
            string Changed(string? why) => $"the document changed while it was read again{(why is null ? "" : $" ({why.TrimEnd('.')})")}; kept the {index} entries read before it";
            try
            {
                return ReadDecoding(open, contentType, again) is null || index != feed.Entries.Count ? Changed(null) : null;
            }
            catch (Exception ex) when (!handing && ex is IOException or DecoderFallbackException or InvalidDataException)
            {
                return Changed(ex.Message);
            }
        });
    }

    // One strict reading of text decoded as it is read; null when it needs the whole text.
    private static ParseResult? ReadDecoding(Func<Stream> open, string? contentType, ParseContext context)
    {
        if (DocumentDecoder.ChooseStreamed(open, contentType, context) is not var (encoding, preamble))
            return null;
        using (var bytes = open())
        {
            if (EntityRepair.MayNeedRepair(bytes))
                return null;
        }

        using var text = new DecodingReader(open(), encoding, preamble);
        using var reader = SafeXmlReader.Create(text, context.Options);
        // Only an XML error needs the text for its message, and that is read whole anyway.
        var (kind, _, _) = XmlFormatDetector.Detect(reader, []);
        if (kind is null)
            return null;
        try
        {
            var result = ReadAs(kind, reader, context);
            return result.IsSuccess && context.XmlError is null ? result : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static ParseResult Recover(PooledText text, ParseResult strict, string xmlError, ParseContext context)
    {
        // Within the reader's own limit, with room for the end tags written at the end.
        var limit = Math.Max(0, (context.Options.MaxDocumentBytes * 2) - 4096);
        using var recovered = TolerantXml.Rewrite(text.Span, limit);
        if (recovered is null)
            return strict; // no feed root to recover: an HTML page or junk keeps its error

        // A document cut off before anything was read (no entry, no title) shows no feed, as in
        // the strict pass; and recovery may not read less than the strict pass did.
        var second = Read(recovered.Text, context, out _);
        if (second.Feed is not { } feed || (feed.Entries.Count == 0 && feed.Title is null && recovered.Repairs.EndedOpen)
            || strict.Feed?.Entries.Count > feed.Entries.Count)
            return strict;

        var repairs = recovered.Repairs.Describe();
        var warning = $"recovered from an XML error: {xmlError.TrimEnd('.')}: {feed.Entries.Count} entries read{(repairs is null ? "" : $" ({repairs})")}";
        return ParseResult.Success(feed with { Recovered = true, Warnings = [warning, .. feed.Warnings] });
    }

    // One strict reading; xmlError is the XML error that stopped it, if one did.
    private static ParseResult Read(PooledText text, ParseContext context, out string? xmlError)
    {
        using var reader = SafeXmlReader.Create(text.OpenReader(), context.Options);
        var (kind, error, detectionError) = XmlFormatDetector.Detect(reader, text.Span);
        if (kind is null)
        {
            // Markup before the feed (a PHP warning in HTML) makes the wrong root: recovery looks past it.
            xmlError = detectionError ?? error?.Replace("not a feed: ", "", StringComparison.Ordinal);
            return ParseResult.Failure(error ?? "not a feed");
        }

        try
        {
            var result = ReadAs(kind, reader, context);
            xmlError = context.XmlError;
            return result;
        }
        catch (XmlException ex)
        {
            xmlError = XmlErrorText.Printable(ex.Message);
            return ParseResult.Failure($"malformed XML: {xmlError}", kind.Format);
        }
    }

    private static ParseResult ReadAs(XmlFeedKind kind, XmlReader reader, ParseContext context) => kind.Format switch
    {
        FeedFormat.Atom10 or FeedFormat.Atom03 => AtomParser.Parse(reader, kind.Format, kind.Namespace, context),
        _ => RssParser.Parse(reader, kind.Format, kind.Namespace, context),
    };
}
