using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>A feed's warnings as the one line of its status.</summary>
public sealed class FeedWarningTests
{
    [Fact]
    public void Warnings_are_joined_trimmed_and_blank_ones_left_out()
    {
        Assert.Equal("first; second", FeedWarning.Of(["  first ", "", " ", "second"]));
        Assert.Null(FeedWarning.Of([" ", ""]));
        Assert.Null(FeedWarning.Of([]));
    }

    [Fact]
    public void A_line_of_500_characters_is_kept_whole_and_a_longer_one_is_cut_to_500_with_an_ellipsis()
    {
        var exact = new string('a', 500);
        Assert.Equal(exact, FeedWarning.Of([exact]));

        var cut = FeedWarning.Of([new string('b', 300), new string('c', 300)])!;
        Assert.Equal(500, cut.Length);
        Assert.Equal(new string('b', 300) + "; " + new string('c', 197) + "…", cut);
    }
}
