using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;

namespace FeedAggregator.Tests.Worker.Cli;

public sealed class ConfigArgumentsTests
{
    [Fact]
    public void Configuration_overrides_are_split_off_in_both_forms_wherever_they_stand()
    {
        var (command, config, error) = ConfigArguments.Split(
            ["--Storage:Database=/tmp/x.db", "opml", "export", "--urls", "http://127.0.0.1:5081", "out.opml", "--Polling:MaxConcurrency", "4", "--json"]);
        Assert.Null(error);
        Assert.Equal(["opml", "export", "out.opml", "--json"], command);
        Assert.Equal(["--Storage:Database=/tmp/x.db", "--urls=http://127.0.0.1:5081", "--Polling:MaxConcurrency=4"], config);
    }

    [Fact]
    public void An_override_without_a_value_is_an_error_and_after_a_double_dash_nothing_is_an_override()
    {
        Assert.NotNull(ConfigArguments.Split(["feeds", "list", "--Storage:Database"]).Error);
        var (command, config, _) = ConfigArguments.Split(["parse", "--", "--Odd:Name.xml"]);
        Assert.Equal(["parse", "--", "--Odd:Name.xml"], command);
        Assert.Empty(config);
    }

    [Theory]
    [InlineData("--json", true)]
    [InlineData("--", true)]
    [InlineData("-x", true)]
    [InlineData("--name=a:b", true)]
    [InlineData("--=a:b", true)]
    [InlineData("--Feeds:File=", false)]
    [InlineData("--URLS=http://127.0.0.1:1", false)]
    [InlineData("--contentRoot=/srv/feedagg", false)]
    [InlineData("--applicationName=feedagg", false)]
    public void Only_section_keys_and_the_hosts_own_keys_are_overrides(string token, bool isCommand)
    {
        var (command, config, error) = ConfigArguments.Split([token]);
        Assert.Null(error);
        Assert.Equal(isCommand ? [token] : [], command);
        Assert.Equal(isCommand ? [] : [token], config);
    }

    [Fact]
    public void The_error_names_the_option_that_needs_a_value() =>
        Assert.Equal("option '--urls' needs a value", ConfigArguments.Split(["run", "--urls"]).Error);

    [Theory]
    [InlineData(null, null, "http://localhost:5080/")]
    [InlineData("", "http://127.0.0.1:5081", "http://127.0.0.1:5081/")]
    [InlineData(null, "http://*:8080;https://*:8443", "http://localhost:8080/")]
    [InlineData("https://news.example.org/feeds", "http://127.0.0.1:5081", "https://news.example.org/feeds/")]
    public void The_public_base_url_is_configured_or_the_first_listening_address(string? configured, string? urls, string expected) =>
        Assert.Equal(expected, PublicBaseUrl.From(configured, urls));
}
