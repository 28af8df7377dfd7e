using System.Xml;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// The only way parsing opens XML. DTDs are skipped (never parsed, never fetched), no resolver
/// exists to read a file or a URL, and entity expansion and document size are capped: a billion
/// laughs or an external entity cannot cost memory or leak a file.
/// </summary>
internal static class SafeXmlReader
{
    public static XmlReaderSettings Settings(ParsingOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = options.MaxEntityCharacters,
        // Decoded text is at most one character per byte, plus what entity repair adds.
        MaxCharactersInDocument = options.MaxDocumentBytes * 2,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Feeds are full of stray control characters; refusing them would lose the whole document.
        CheckCharacters = false,
        ConformanceLevel = ConformanceLevel.Document,
    };

    public static XmlReader Create(TextReader text, ParsingOptions options) =>
        XmlReader.Create(text, Settings(options));
}
