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
    [InlineData("<https://hub.example/>; rel=")]
    [InlineData("<https://hub.example/>; rel=  ")]
    [InlineData("<https://hub.example/>; rel=\"hub\\")]
    public void Malformed_links_are_skipped_without_an_exception(string header)
    {
        var targets = LinkHeader.Targets([header], "hub");

        Assert.True(targets.Count == 0 || targets.SequenceEqual(["https://hub.example/"]), string.Join(" ", targets));
    }

    [Fact]
    public void A_null_list_of_headers_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => LinkHeader.Targets(null!, "hub"));

    [Fact]
    public void Unquoted_rels_end_at_the_next_parameter_or_link()
    {
        string[] headers = ["<https://a.example/>; rel=hub; type=application/atom+xml, <https://b.example/>; rel=hub,<https://c.example/>;rel=self"];

        Assert.Equal(["https://a.example/", "https://b.example/"], LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://c.example/"], LinkHeader.Targets(headers, "self"));
    }

    [Fact]
    public void Whitespace_around_separators_and_after_the_equals_sign_is_ignored()
    {
        string[] headers = ["<https://a.example/> , <https://hub.example/> ; rel= \"hub\" ,<https://b.example/>;rel=\t self"];

        Assert.Equal(["https://hub.example/"], LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://b.example/"], LinkHeader.Targets(headers, "self"));
    }

    [Fact]
    public void Escaped_quotes_and_trailing_commas_inside_quoted_values_do_not_end_the_link()
    {
        string[] headers = ["<https://a.example/>; title=\"say \\\"hi\\\", then; go,\"; rel=\"hub\", <https://b.example/>; rel=self"];

        Assert.Equal(["https://a.example/"], LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://b.example/"], LinkHeader.Targets(headers, "self"));
    }

    [Fact]
    public void A_comma_at_the_end_of_a_target_belongs_to_the_target() =>
        Assert.Equal(["https://a.example/list,"], LinkHeader.Targets(["<https://a.example/list,>; rel=hub"], "hub"));

    [Fact]
    public void Only_the_first_rel_counts_and_other_parameters_are_not_relations()
    {
        string[] headers = ["<https://a.example/>; title=hub, <https://b.example/>; rel=self; rel=hub"];

        Assert.Empty(LinkHeader.Targets(headers, "hub"));
        Assert.Equal(["https://b.example/"], LinkHeader.Targets(headers, "self"));
    }

    [Fact]
    public void A_rel_without_a_value_gives_a_link_without_relations()
    {
        var (target, rels) = Assert.Single(LinkHeader.Parse("<https://a.example/>; rel"));

        Assert.Equal("https://a.example/", target);
        Assert.Empty(rels);
    }
}
