using System.Text;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>Small feed documents for the poll tests.</summary>
internal static class Feeds
{
    public static byte[] Rss(params string[] guids) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://example.test/</link>" +
        string.Concat(guids.Select(g => $"<item><title>{g}</title><link>http://example.test/{g}</link><guid>{g}</guid></item>")) +
        "</channel></rss>");

    /// <summary>An RSS feed with one item per date (an item without a date for null), newest first as feeds list them.</summary>
    public static byte[] RssDated(IEnumerable<DateTimeOffset?> dates) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://example.test/</link>" +
        string.Concat(dates.Select((d, i) => $"<item><title>Post {i}</title><link>http://example.test/p{i}</link><guid>p{i}</guid>" +
            (d is { } date ? $"<pubDate>{date.ToUniversalTime():r}</pubDate>" : "") + "</item>")) +
        "</channel></rss>");

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Refreshing", name));
}
