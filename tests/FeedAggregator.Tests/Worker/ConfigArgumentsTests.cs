using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Worker;

public sealed class ConfigArgumentsTests
{
    [Fact]
    public void Configuration_overrides_are_collected_in_both_forms()
    {
        Assert.True(ConfigArguments.TryCollect(
            ["--Storage:Database=/tmp/x.db", "--urls", "http://127.0.0.1:5081", "--Polling:MaxConcurrency", "4"], out var args, out _));
        Assert.Equal(["--Storage:Database=/tmp/x.db", "--urls=http://127.0.0.1:5081", "--Polling:MaxConcurrency=4"], args);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("stray")]
    [InlineData("--Storage:Database")]
    public void Anything_else_is_a_usage_error(string token)
    {
        Assert.False(ConfigArguments.TryCollect([token], out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData(null, null, "http://localhost:5080/")]
    [InlineData("", "http://127.0.0.1:5081", "http://127.0.0.1:5081/")]
    [InlineData(null, "http://*:8080;https://*:8443", "http://localhost:8080/")]
    [InlineData("https://news.example.org/feeds", "http://127.0.0.1:5081", "https://news.example.org/feeds/")]
    public void The_public_base_url_is_configured_or_the_first_listening_address(string? configured, string? urls, string expected) =>
        Assert.Equal(expected, PublicBaseUrl.From(configured, urls));
}
