using FeedAggregator.Model;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class EnclosureViewTests
{
    [Theory]
    [InlineData("audio/mpeg", "audio/mpeg")]
    [InlineData(" audio/mpeg ", "audio/mpeg")]
    [InlineData("/mpeg", null)]
    [InlineData("audio/", null)]
    [InlineData("audio", null)]
    [InlineData("audio/mp\teg", null)]
    [InlineData(null, null)]
    public void Only_a_type_slash_subtype_media_type_is_kept(string? type, string? expected)
    {
        Assert.Equal(expected, EnclosureView.From(new Enclosure("https://radio.example.org/ep.mp3", type, null))!.MediaType);
    }

    [Theory]
    [InlineData(31_457_280L, 31_457_280L)]
    [InlineData(0L, null)]
    [InlineData(-1L, null)]
    [InlineData(null, null)]
    public void Only_a_positive_length_is_kept(long? length, long? expected)
    {
        Assert.Equal(expected, EnclosureView.From(new Enclosure("https://radio.example.org/ep.mp3", "audio/mpeg", length))!.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u0007")]
    public void An_enclosure_without_a_url_is_left_out(string url)
    {
        Assert.Null(EnclosureView.From(new Enclosure(url, "audio/mpeg", 10)));
    }
}
