using FeedAggregator.Fetching;

namespace FeedAggregator.Tests.Fetching;

/// <summary>RFC 8288 Link headers, as hubs and feeds write them, and as they get them wrong.</summary>
public sealed class LinkHeaderTests
{
    [Fact]
    public void Several_links_in_one_header_and_several_headers()
    {
        string[] headers =
        [
            "<https://hub.example/>; rel=\"hub\", <https://site.example/feed>; rel=\"self\"",
            "<https://other-hub.example/>;rel=hub",
        ];

        Assert.Equal(["https://hub.example/", "https://other-hub.example/"], LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://site.example/feed"], LinkHeader.Targets(headers, "self"));
    }

    [Fact]
    public void A_rel_with_several_types_other_parameters_and_quoted_commas()
    {
        string[] headers = ["<https://a.example/x,y>; title=\"one, two; three\"; rel=\"self HUB\"; type=\"application/atom+xml\", <https://b.example/>; rel=alternate"];

        Assert.Equal(["https://a.example/x,y"], LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://a.example/x,y"], LinkHeader.Targets(headers, "self"));
        Assert.Equal(["https://b.example/"], LinkHeader.Targets(headers, "alternate"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://hub.example/; rel=hub")]
    [InlineData("<https://hub.example/; rel=hub")]
    [InlineData("<>; rel=hub")]
    [InlineData("<https://hub.example/>; rel=\"hub")]
    [InlineData("<https://hub.example/>; rel")]
    public void Malformed_links_are_skipped_without_an_exception(string header)
    {
        var targets = LinkHeader.Targets([header], "hub");

        Assert.True(targets.Count == 0 || targets.SequenceEqual(["https://hub.example/"]), string.Join(" ", targets));
    }
}
