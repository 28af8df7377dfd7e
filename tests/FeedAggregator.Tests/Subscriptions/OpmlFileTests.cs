using System.Xml.Linq;
using FeedAggregator.Model;
using FeedAggregator.Subscriptions;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Subscriptions;

public sealed class OpmlFileTests
{
    private static string Fixture(string name) => TestFiles.Path("Subscriptions", name);

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"feedagg-{Guid.NewGuid():N}.opml");

    /// <summary>Reads <paramref name="content"/> as an OPML file.</summary>
    private static IReadOnlyList<Subscription> ReadText(string content)
    {
        var path = TempPath();
        File.WriteAllText(path, content);
        try
        {
            return OpmlFile.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reads_feeds_folders_titles_and_intervals()
    {
        var subscriptions = OpmlFile.Read(Fixture("nested.opml"));

        Assert.Equal(
            [
                new Subscription("https://loose.example/rss", "Loose feed"),
                new Subscription("https://tech.example/atom.xml", "Text only", "Tech", "https://tech.example/", TimeSpan.FromMinutes(90)),
                new Subscription("https://deep.example/feed", "Deep", "Inner folder"),
            ],
            subscriptions);
    }

    [Fact]
    public void An_untitled_folder_keeps_the_folder_around_it_as_the_category()
    {
        var subscriptions = ReadText(
            """<opml><body><outline text="News"><outline><outline xmlUrl="https://a.example/feed"/></outline></outline></body></opml>""");

        Assert.Equal([new Subscription("https://a.example/feed", null, "News")], subscriptions);
    }

    [Fact]
    public void Plain_http_feeds_are_read_like_https_ones()
    {
        var subscriptions = ReadText("""<opml><body><outline xmlUrl="http://plain.example/rss"/></body></opml>""");

        Assert.Equal([new Subscription("http://plain.example/rss")], subscriptions);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1440", 1440)]
    public void An_interval_of_one_minute_or_more_is_read(string attribute, int minutes)
    {
        var subscriptions = ReadText($"""<opml><body><outline xmlUrl="https://a.example/feed" feedaggInterval="{attribute}"/></body></opml>""");

        Assert.Equal(TimeSpan.FromMinutes(minutes), Assert.Single(subscriptions).Interval);
    }

    [Fact]
    public void Written_opml_reads_back_the_same()
    {
        var path = TempPath();
        try
        {
            Subscription[] list =
            [
                new("https://a.example/feed", "A & B"),
                new("https://b.example/feed", null, "News", "https://b.example/", TimeSpan.FromMinutes(15)),
            ];
            OpmlFile.Write(path, list);
            Assert.Equal(list, OpmlFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Writing_creates_the_folder_the_file_goes_in()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"feedagg-{Guid.NewGuid():N}");
        var path = Path.Combine(directory, "config", "feeds.opml");
        try
        {
            OpmlFile.Write(path, [new Subscription("https://a.example/feed")]);

            Assert.Equal([new Subscription("https://a.example/feed")], OpmlFile.Read(path));
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_opml_document_declares_xml_1_0_in_utf_8_and_opml_2_0()
    {
        // `opml export` prints the declaration as it stands in the document.
        var document = OpmlFile.ToDocument([new Subscription("https://a.example/feed")], "My feeds");

        Assert.Equal("""<?xml version="1.0" encoding="utf-8"?>""", document.Declaration!.ToString());
        Assert.Equal("2.0", (string?)document.Root!.Attribute("version"));
        Assert.Equal("My feeds", (string?)document.Root.Element("head")!.Element("title"));
    }

    [Fact]
    public void Outlines_carry_the_attributes_feed_readers_read()
    {
        var document = OpmlFile.ToDocument(
        [
            new Subscription("https://a.example/feed", "A", null, "https://a.example/", TimeSpan.FromMinutes(45)),
            new Subscription("https://b.example/feed"),
        ]);

        var outlines = document.Root!.Element("body")!.Elements("outline").Select(Attributes).ToList();
        Assert.Equal(
            [
                [("type", "rss"), ("text", "A"), ("xmlUrl", "https://a.example/feed"), ("title", "A"), ("htmlUrl", "https://a.example/"), ("feedaggInterval", "45")],
                // Untitled: readers show the text, so it is the URL; no title that would read back as one.
                [("type", "rss"), ("text", "https://b.example/feed"), ("xmlUrl", "https://b.example/feed")],
            ],
            outlines);
    }

    [Fact]
    public void Feeds_without_a_folder_come_first_then_the_folders_in_ordinal_order()
    {
        var document = OpmlFile.ToDocument(
        [
            new Subscription("https://b1.example/feed", "b1", "b"),
            new Subscription("https://loose1.example/feed", "loose1"),
            new Subscription("https://a.example/feed", "a1", "a"),
            new Subscription("https://upper.example/feed", "B1", "B"),
            new Subscription("https://b2.example/feed", "b2", "b"),
            new Subscription("https://loose2.example/feed", "loose2"),
        ]);

        var body = document.Root!.Element("body")!.Elements("outline")
            .Select(o => $"{(string?)o.Attribute("text")}[{string.Join(",", o.Elements("outline").Select(f => (string?)f.Attribute("text")))}]");
        Assert.Equal(["loose1[]", "loose2[]", "B[B1]", "a[a1]", "b[b1,b2]"], body);
    }

    [Fact]
    public void Only_outlines_of_the_first_body_and_its_folders_are_feeds()
    {
        var subscriptions = ReadText(
            """
            <opml xmlns:x="urn:other"><head><outline xmlUrl="https://head.example/feed"/></head>
            <body>
              <outline xmlUrl="https://a.example/feed"><outline xmlUrl="https://inside-a-feed.example/feed"/></outline>
              <group><outline xmlUrl="https://inside-another-element.example/feed"/></group>
              <x:outline xmlUrl="https://other-namespace.example/feed"/>
              <!-- <outline xmlUrl="https://commented.example/feed"/> -->
              <outline title="Folder"><outline text="B" xmlUrl="https://b.example/feed"/></outline>
            </body>
            <body><outline xmlUrl="https://second-body.example/feed"/></body></opml>
            """);

        Assert.Equal(
            [new Subscription("https://a.example/feed"), new Subscription("https://b.example/feed", "B", "Folder")],
            subscriptions);
    }

    [Fact]
    public void A_file_broken_after_a_bad_outline_is_reported_as_broken()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadText("""<opml><body><outline xmlUrl="ftp://x.example/"/></body>"""));

        Assert.Contains("not well-formed", error.Message);
    }

    [Fact]
    public void A_bad_outline_is_reported_with_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadText("<opml>\n<body>\n<outline xmlUrl=\"https://ok.example/\"/>\n<outline xmlUrl=\"ftp://x.example/\"/>\n</body></opml>"));

        Assert.Contains(":4: xmlUrl", error.Message);
    }

    [Theory]
    [InlineData("<opml><body><outline xmlUrl=\"ftp://x.example/\"/></body></opml>", "not an absolute http(s) URL")]
    [InlineData("<opml><body><outline xmlUrl=\"https://x.example/\" feedaggInterval=\"soon\"/></body></opml>", "not a number of minutes")]
    [InlineData("<opml><body><outline xmlUrl=\"https://x.example/\" feedaggInterval=\"0\"/></body></opml>", "not a number of minutes")]
    [InlineData("<opml><body><outline xmlUrl=\"https://x.example/\" feedaggInterval=\"-5\"/></body></opml>", "not a number of minutes")]
    [InlineData("<html><body/></html>", "not OPML")]
    [InlineData("<opml><body><outline", "not well-formed")]
    public void Broken_files_fail_with_a_clear_message(string content, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadText(content));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_file_over_64_MiB_is_refused_rather_than_loaded()
    {
        var path = TempPath();
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.Write("<opml><body>");
                var spaces = new string(' ', 1024 * 1024);
                for (var i = 0; i < 64; i++)
                    writer.Write(spaces);
                writer.Write("</body></opml>");
            }

            var error = Assert.Throws<InvalidDataException>(() => OpmlFile.Read(path));
            Assert.Contains("MaxCharactersInDocument", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string Name, string Value)[] Attributes(XElement outline) =>
        [.. outline.Attributes().Select(a => (a.Name.LocalName, a.Value))];
}
