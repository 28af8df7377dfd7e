using FeedAggregator.Processing.Html;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>How the slow path cuts a large irregular document: pieces that cover it exactly, cut before a start tag.</summary>
public sealed class MarkupChunksTests
{
    [Fact]
    public void A_document_no_longer_than_the_size_is_one_piece()
    {
        Assert.Equal([(0, 10)], MarkupChunks.Split("<p>abc</p>", 10));
        Assert.Equal([(0, 0)], MarkupChunks.Split("", 4));
    }

    [Fact]
    public void Each_piece_ends_just_before_the_next_start_tag_after_the_size()
    {
        // From 6, "</" and "< " are not start tags: the first is the <b> at 12. The last piece has
        // no start tag after 28 and is cut at the size.
        const string html = "abcdef</i>< <b>xyz</b><i>q</i>";
        Assert.Equal([(0, 12), (12, 10), (22, 6), (28, 2)], MarkupChunks.Split(html, 6));
    }

    [Fact]
    public void A_start_tag_at_the_size_itself_is_where_the_piece_ends()
    {
        Assert.Equal([(0, 4), (4, 4)], MarkupChunks.Split("abcd<b>x", 4));
    }

    [Fact]
    public void Without_a_start_tag_near_enough_the_cut_is_at_the_size()
    {
        // No start tag at all: cut at the size. A tag 12 on from 0 is too far for a size of 4; from 4 it is not.
        Assert.Equal([(0, 5), (5, 5), (10, 2)], MarkupChunks.Split("abcdefghijkl", 5));
        Assert.Equal([(0, 4), (4, 8), (12, 3)], MarkupChunks.Split("abcdefghijkl<b>", 4));
    }

    [Fact]
    public void A_start_tag_exactly_twice_the_size_away_is_still_used()
    {
        // From 0 with size 4, the tag at 8 is 8 = 2 * 4 characters on: allowed.
        Assert.Equal([(0, 8), (8, 3)], MarkupChunks.Split("abcdefgh<b>", 4));
    }

    [Fact]
    public void A_less_than_sign_at_the_very_end_is_not_a_start_tag()
    {
        Assert.Equal([(0, 3), (3, 3)], MarkupChunks.Split("abcde<", 3));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // "😀" is two chars; the size would cut between them.
        const string html = "abc\U0001F600defgh";
        var pieces = MarkupChunks.Split(html, 4).ToList();

        Assert.Equal((0, 5), pieces[0]);
        AssertCovers(html, pieces);
        Assert.All(pieces, p => Assert.False(char.IsLowSurrogate(html[p.Start])));
    }

    [Fact]
    public void Pieces_of_a_long_document_cover_it_in_order_and_stay_near_the_size()
    {
        var html = string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>paragraph {i} with some words</p>"));
        var pieces = MarkupChunks.Split(html, 500).ToList();

        AssertCovers(html, pieces);
        Assert.True(pieces.Count > 10);
        Assert.All(pieces.SkipLast(1), p => Assert.InRange(p.Length, 500, 1000));
        Assert.All(pieces.Skip(1), p => Assert.StartsWith("<p>", html[p.Start..], StringComparison.Ordinal));
    }

    private static void AssertCovers(string html, List<(int Start, int Length)> pieces)
    {
        var next = 0;
        foreach (var (start, length) in pieces)
        {
            Assert.Equal(next, start);
            Assert.True(length > 0);
            next = start + length;
        }

        Assert.Equal(html.Length, next);
    }
}
