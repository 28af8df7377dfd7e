using FeedAggregator.Parsing;

namespace FeedAggregator.Tests.Parsing;

/// <summary>The entries a parse keeps: up to the limit, the rest counted for the warning.</summary>
public sealed class EntryListTests
{
    [Fact]
    public void Entries_added_past_the_limit_are_counted_not_kept()
    {
        var entries = new EntryList(2);

        entries.Add(new ParsedEntry { Title = "One" });
        entries.Add(new ParsedEntry { Title = "Two" });
        entries.Add(new ParsedEntry { Title = "Three" });
        entries.Skip();

        Assert.Equal(["One", "Two"], entries.Items.Select(e => e.Title));
        Assert.Equal(2, entries.Skipped);
        Assert.Equal("the feed has 4 entries, more than the limit of 2; kept the first 2", entries.LimitWarning());
    }

    [Fact]
    public void No_warning_when_nothing_was_dropped()
    {
        var entries = new EntryList(1);
        entries.Add(new ParsedEntry { Title = "One" });

        Assert.Null(entries.LimitWarning());
    }
}
