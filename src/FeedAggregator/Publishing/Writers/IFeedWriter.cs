namespace FeedAggregator.Publishing.Writers;

/// <summary>Renders the merged feed into one published document.</summary>
public interface IFeedWriter
{
    /// <summary>The document this writer renders: <see cref="FeedDocument.Atom"/>, Rss, Json or Html.</summary>
    FeedDocument Document { get; }

    /// <summary>The whole document as UTF-8 without a byte order mark.</summary>
    byte[] Write(MergedFeed feed);
}
