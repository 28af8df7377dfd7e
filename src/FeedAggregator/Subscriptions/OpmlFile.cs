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
    public static IReadOnlyList<Subscription> Read(string path)
    {
        XDocument document;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersInDocument = 64 * 1024 * 1024,
            });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path} is not well-formed OPML: {ex.Message}", ex);
        }

        var body = document.Root is { Name.LocalName: "opml" } root ? root.Element("body") : null;
        if (body is null)
            throw new InvalidDataException($"{path} is not OPML: expected <opml> with a <body>.");

        var subscriptions = new List<Subscription>();
        Collect(body, null, subscriptions, path);
        return subscriptions;
    }

    private static void Collect(XElement parent, string? category, List<Subscription> into, string path)
    {
        foreach (var outline in parent.Elements("outline"))
        {
            var xmlUrl = ((string?)outline.Attribute("xmlUrl"))?.Trim();
            var title = NullIfBlank((string?)outline.Attribute("title") ?? (string?)outline.Attribute("text"));
            if (string.IsNullOrEmpty(xmlUrl))
            {
                Collect(outline, title ?? category, into, path);
                continue;
            }

            if (!Uri.TryCreate(xmlUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                var line = ((IXmlLineInfo)outline).LineNumber;
                throw new InvalidDataException($"{path}:{line}: xmlUrl \"{xmlUrl}\" is not an absolute http(s) URL.");
            }

            TimeSpan? interval = null;
            if ((string?)outline.Attribute(IntervalAttribute) is { } minutes)
            {
                if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1)
                {
                    var line = ((IXmlLineInfo)outline).LineNumber;
                    throw new InvalidDataException($"{path}:{line}: {IntervalAttribute}=\"{minutes}\" is not a number of minutes.");
                }

                interval = TimeSpan.FromMinutes(m);
            }

            // Readers write the URL as the text of an untitled outline: that is no title.
            if (title == xmlUrl)
                title = null;
            into.Add(new Subscription(url.AbsoluteUri, title, category, NullIfBlank((string?)outline.Attribute("htmlUrl")), interval));
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
