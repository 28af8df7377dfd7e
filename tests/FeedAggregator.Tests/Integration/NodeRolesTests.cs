using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace FeedAggregator.Tests.Integration;

public sealed class NodeRolesTests
{
    [Theory]
    [InlineData(null, true, true)]
    [InlineData("all", true, true)]
    [InlineData("Poll", true, false)]
    [InlineData(" serve ", false, true)]
    public void Roles_say_whether_the_node_polls_and_serves(string? value, bool polls, bool serves)
    {
        var roles = NodeRoles.From(Configuration(value));
        Assert.Equal((polls, serves), (roles.Polls, roles.Serves));
    }

    [Fact]
    public void An_unknown_role_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeRoles.From(Configuration("front")));
        Assert.Contains("Roles must be 'all', 'poll' or 'serve'", error.Message);
    }

    private static IConfiguration Configuration(string? roles) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Roles"] = roles }).Build();
}
