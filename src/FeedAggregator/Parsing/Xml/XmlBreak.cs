using System.Xml;

namespace FeedAggregator.Parsing.Xml;

/// <summary>Words for an XML error: what is wrong and where (the reader's message names line and position).</summary>
internal static class XmlBreak
{
    public static string? Describe(XmlException? error) =>
        error is null ? null : $"malformed or cut-off XML: {error.Message}";
}
