using FeedAggregator.Model;

namespace FeedAggregator.Parsing;

/// <summary>
/// A document as the parser read it, before processing: text is decoded, HTML is raw (not yet
/// sanitized), links may still be relative to <see cref="BaseUrl"/>, dates are UTC or null.
/// </summary>
public sealed record ParsedFeed
{
    public required FeedFormat Format { get; init; }
    public string? Title { get; init; }

    /// <summary>The title as markup when the feed declares it HTML or XHTML (see <see cref="ParsedEntry.TitleHtml"/>).</summary>
    public string? TitleHtml { get; init; }

    /// <summary>The site's home page.</summary>
    public string? Link { get; init; }

    public string? Description { get; init; }
    public string? Language { get; init; }

    /// <summary>The document's base for relative links (xml:base, else the document URL).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The base for the links in <see cref="TitleHtml"/>, when the title has its own xml:base.</summary>
    public Uri? TitleBaseUrl { get; init; }

    public IReadOnlyList<ParsedEntry> Entries { get; init; } = [];

    /// <summary>The WebSub hubs the document declares (link rel="hub", JSON Feed "hubs"), as written.</summary>
    public IReadOnlyList<string> Hubs { get; init; } = [];

    /// <summary>The document's own URL as it declares it (link rel="self", JSON Feed "feed_url"), as written.</summary>
    public string? SelfUrl { get; init; }

    /// <summary>How often the document asks to be polled (RSS ttl, sy:*, skipHours, skipDays).</summary>
    public PollHints PollHints { get; init; } = PollHints.None;

    /// <summary>What the parser tolerated or skipped, in words a user can act on.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The document is not well-formed XML and was read by the tolerant re-reader (as feedparser
    /// sets "bozo"); <see cref="Warnings"/> says what was wrong.
    /// </summary>
    public bool Recovered { get; init; }
}

/// <summary>One entry as read from the document.</summary>
public sealed record ParsedEntry
{
    /// <summary>guid / atom:id / JSON id as given; null when absent.</summary>
    public string? Id { get; init; }

    /// <summary>Decoded plain text; null when absent.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The title as markup, only when the feed declares it HTML or XHTML (Atom type="html" or
    /// "xhtml"); raw, not yet sanitized. Articles keep <see cref="Title"/>: readers show titles as
    /// text. <c>feedagg parse</c> reports this one, as feedparser does.
    /// </summary>
    public string? TitleHtml { get; init; }

    /// <summary>As given; may be relative to <see cref="BaseUrl"/>.</summary>
    public string? Link { get; init; }

    /// <summary>The entry's own xml:base resolved against the document's, when it differs.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The base of <see cref="TitleHtml"/>'s links when the title element has its own xml:base.</summary>
    public Uri? TitleBaseUrl { get; init; }

    /// <summary>The base of <see cref="Summary"/>'s links when the summary element has its own xml:base.</summary>
    public Uri? SummaryBaseUrl { get; init; }

    /// <summary>The base of <see cref="Content"/>'s links when the content element has its own xml:base.</summary>
    public Uri? ContentBaseUrl { get; init; }

    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<Author> Authors { get; init; } = [];

    /// <summary>HTML (plain text is escaped into HTML by the parser).</summary>
    public string? Summary { get; init; }

    /// <summary>HTML (content:encoded, atom:content, content_html).</summary>
    public string? Content { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<Enclosure> Enclosures { get; init; } = [];
    public string? Language { get; init; }
}
