using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FeedAggregator.Model;

namespace FeedAggregator.Subscriptions;

/// <summary>
/// Reads and writes the subscription list as OPML 2.0, the format every feed reader imports
/// and exports. Folders become categories; a per-feed poll interval is the outline attribute
/// <c>feedaggInterval</c> in minutes (readers ignore attributes they do not know).
/// </summary>
public static class OpmlFile
{
    public const string IntervalAttribute = "feedaggInterval";

    /// <summary>The subscriptions in <paramref name="path"/>; a clear <see cref="InvalidDataException"/> when it is not OPML.</summary>
    /// <remarks>
    /// Read as a stream, not loaded as a document: every poll and sync reads the list, and a tree
    /// of 10,000 outlines with their line numbers was most of what a poll's start allocated.
    /// </remarks>
    public static IReadOnlyList<Subscription> Read(string path)
    {
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersInDocument = 64 * 1024 * 1024,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            });
            List<Subscription>? subscriptions;
            try
            {
                subscriptions = ReadBody(reader, path);
            }
            catch (InvalidDataException)
            {
                // A broken file is reported as broken, whatever outline came before the break.
                Drain(reader);
                throw;
            }

            Drain(reader);
            return subscriptions ?? throw new InvalidDataException($"{path} is not OPML: expected <opml> with a <body>.");
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path} is not well-formed OPML: {ex.Message}", ex);
        }
    }

    /// <summary>The feeds of the first <c>body</c> under an <c>opml</c> root; null when there is none.</summary>
    private static List<Subscription>? ReadBody(XmlReader reader, string path)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "opml" || reader.IsEmptyElement)
            return null;
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || !Is(reader, "body"))
                continue;
            List<Subscription> subscriptions = [];
            if (!reader.IsEmptyElement)
                Collect(reader, null, subscriptions, path);
            return subscriptions;
        }

        return null;
    }

    /// <summary>The outlines directly inside the element the reader is on; a feed-less outline is a folder.</summary>
    private static void Collect(XmlReader reader, string? category, List<Subscription> into, string path)
    {
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1 || !Is(reader, "outline"))
                continue;
            var xmlUrl = reader.GetAttribute("xmlUrl")?.Trim();
            var title = NullIfBlank(reader.GetAttribute("title") ?? reader.GetAttribute("text"));
            if (string.IsNullOrEmpty(xmlUrl))
            {
                if (!reader.IsEmptyElement)
                    Collect(reader, title ?? category, into, path);
                continue;
            }

            if (!Uri.TryCreate(xmlUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw new InvalidDataException($"{path}:{Line(reader)}: xmlUrl \"{xmlUrl}\" is not an absolute http(s) URL.");

            TimeSpan? interval = null;
            if (reader.GetAttribute(IntervalAttribute) is { } minutes)
            {
                if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1)
                    throw new InvalidDataException($"{path}:{Line(reader)}: {IntervalAttribute}=\"{minutes}\" is not a number of minutes.");
                interval = TimeSpan.FromMinutes(m);
            }

            // Readers write the URL as the text of an untitled outline: that is no title.
            if (title == xmlUrl)
                title = null;
            into.Add(new Subscription(url.AbsoluteUri, title, category, NullIfBlank(reader.GetAttribute("htmlUrl")), interval));
        }
    }

    // OPML's elements are in no namespace: an <outline> of another vocabulary is not one of ours.
    private static bool Is(XmlReader reader, string name) => reader.LocalName == name && reader.NamespaceURI.Length == 0;

    private static int Line(XmlReader reader) => ((IXmlLineInfo)reader).LineNumber;

    /// <summary>Reads to the end, so that a file broken after its body is refused like one broken inside it.</summary>
    private static void Drain(XmlReader reader)
    {
        while (reader.Read())
        {
        }
    }

    /// <summary>Writes the subscriptions atomically (temp file, then rename).</summary>
    public static void Write(string path, IReadOnlyList<Subscription> subscriptions)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        ToDocument(subscriptions).Save(temp);
        System.IO.File.Move(temp, path, overwrite: true);
    }

    /// <summary>The subscriptions as an OPML 2.0 document, grouped by category.</summary>
    public static XDocument ToDocument(IReadOnlyList<Subscription> subscriptions, string title = "FeedAggregator subscriptions")
    {
        var body = new XElement("body");
        // The ordinal comparer sorts null first: the feeds without a folder, then the folders by name.
        foreach (var group in subscriptions.GroupBy(s => s.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var outlines = group.Select(ToOutline);
            if (group.Key is null)
                body.Add(outlines);
            else
                body.Add(new XElement("outline", new XAttribute("text", group.Key), new XAttribute("title", group.Key), outlines));
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));
    }

    private static XElement ToOutline(Subscription s)
    {
        var outline = new XElement("outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", s.Title ?? s.Url),
            new XAttribute("xmlUrl", s.Url));
        if (s.Title is not null) outline.Add(new XAttribute("title", s.Title));
        if (s.SiteUrl is not null) outline.Add(new XAttribute("htmlUrl", s.SiteUrl));
        if (s.Interval is { } i) outline.Add(new XAttribute(IntervalAttribute, ((int)i.TotalMinutes).ToString(CultureInfo.InvariantCulture)));
        return outline;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
