using System.Xml;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// Streams an XML feed: the root's (and containers') children are read one element at a time, so
/// a document cut off or broken half way keeps every entry read before the break, and entries
/// past the limit are skipped without being built.
/// </summary>
internal static class XmlFeedWalker
{
    /// <summary>Walks the element the reader is on; returns the error that stopped it early, if any.</summary>
    public static XmlException? Walk(XmlReader reader, IXmlFeedHandler handler, EntryList entries, Uri? baseUrl)
    {
        try
        {
            WalkChildren(reader, handler, entries, baseUrl);
            return null;
        }
        catch (XmlException ex)
        {
            return ex;
        }
    }

    private static void WalkChildren(XmlReader reader, IXmlFeedHandler handler, EntryList entries, Uri? baseUrl)
    {
        var depth = reader.Depth;
        var isEmpty = reader.IsEmptyElement;
        reader.Read();
        if (isEmpty)
            return;

        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                return;
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (handler.IsEntry(reader))
            {
                if (entries.IsFull)
                {
                    entries.Skip();
                    reader.Skip();
                    continue;
                }
                entries.Add(handler.OnEntry(XmlFieldReader.ReadChildren(reader), baseUrl));
            }
            // A container nested past the limit (a hostile channel in a channel...) is not walked into.
            else if (reader.Depth < XmlLimits.MaxDepth && handler.IsContainer(reader))
            {
                WalkChildren(reader, handler, entries, XmlBase.Resolve(baseUrl, reader.GetAttribute("xml:base")));
            }
            else
            {
                handler.OnMetadata(XmlFieldReader.Read(reader));
            }
        }
    }
}
