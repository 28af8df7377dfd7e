using FeedAggregator.Worker.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FeedAggregator.Tests.Worker.Http;

public sealed class FeedViewParserTests
{
    private static (bool Ok, string? Error) Parse(string name, string value, string? category = null)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { [name] = value });
        var ok = FeedViewParser.TryParse(query, 50, category, out _, out var error);
        return (ok, error);
    }

    [Theory]
    [InlineData("q", "a\0b")]
    [InlineData("q", "\u0001")]
    [InlineData("source", "x\u001Fy")]
    [InlineData("category", "News\u007F")]
    [InlineData("lang", "e\nn")]
    public void Query_values_with_control_characters_are_refused(string name, string value)
    {
        var (ok, error) = Parse(name, value);
        Assert.False(ok);
        Assert.Equal($"Publishing: ?{name}= must not contain control characters.", error);
    }

    [Fact]
    public void A_category_path_with_a_control_character_is_refused()
    {
        var (ok, error) = Parse("q", "fine", category: "a\0");
        Assert.False(ok);
        Assert.Contains("control characters", error);
    }

    [Theory]
    [InlineData("q", "قمة المناخ")]
    [InlineData("source", "Tech Daily")]
    [InlineData("page", "2147483647")]
    public void Ordinary_values_and_the_largest_page_are_accepted(string name, string value) =>
        Assert.True(Parse(name, value).Ok);
}
