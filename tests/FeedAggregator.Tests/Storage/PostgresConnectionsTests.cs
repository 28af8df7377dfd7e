using FeedAggregator.Storage.Postgres;
using FeedAggregator.Tests.Support;
using Npgsql;

namespace FeedAggregator.Tests.Storage;

/// <summary>What the PostgreSQL pool says about itself (never the password) and how it connects.</summary>
public sealed class PostgresConnectionsTests
{
    [Theory]
    [InlineData("Host=db.example;Port=5433;Database=feeds;Username=agg;Password=secret", "PostgreSQL database feeds on db.example:5433")]
    [InlineData("Host=db.example;Username=agg;Password=secret", "PostgreSQL database agg on db.example:5432")]
    [InlineData("Host=db.example", "PostgreSQL database (default) on db.example:5432")]
    public void The_description_names_the_database_and_server_but_no_credentials(string connectionString, string expected)
    {
        Assert.Equal(expected, PostgresConnections.Describe(connectionString));
        using var connections = new PostgresConnections(connectionString);
        Assert.Equal(expected, connections.Description);
    }

    [SkippableFact]
    public async Task Connections_name_the_application_unless_the_operator_named_it()
    {
        var server = Environment.GetEnvironmentVariable("FEEDAGG_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(server), "FEEDAGG_TEST_POSTGRES is not set");

        await using (var connections = new PostgresConnections(server))
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        await using (var command = new NpgsqlCommand("SHOW application_name", connection))
            Assert.Equal("feedagg", await command.ExecuteScalarAsync());

        await using (var connections = new PostgresConnections(server + ";Application Name=mine"))
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        await using (var command = new NpgsqlCommand("SHOW application_name", connection))
            Assert.Equal("mine", await command.ExecuteScalarAsync());
    }
}
