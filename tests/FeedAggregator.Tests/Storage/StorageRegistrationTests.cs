using System.ComponentModel.DataAnnotations;
using FeedAggregator.Storage;
using FeedAggregator.Storage.Postgres;
using FeedAggregator.Storage.Sqlite;
using FeedAggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedAggregator.Tests.Storage;

/// <summary>Storage:Provider picks one provider's store for every contract, and a bad setting is refused in words.</summary>
public sealed class StorageRegistrationTests
{
    private static ServiceProvider Build(string? provider, Action<StorageOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.Configure(configure);
        services.AddFeedStore(provider);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_sqlite_provider_serves_every_store_contract_from_the_configured_file()
    {
        using var folder = new ScratchFolder();
        var path = Path.Combine(folder.Directory, "data", "store.db");
        using var provider = Build("sqlite", o => o.Database = path);

        Assert.Equal(path, provider.GetRequiredService<SqliteConnectionFactory>().DatabasePath);
        Assert.Same(provider.GetRequiredService<SqliteConnectionFactory>().Health, provider.GetRequiredService<StoreHealth>());
        Assert.IsType<SqliteMigrator>(provider.GetRequiredService<IStoreMigrator>());
        Assert.IsType<SqliteFeedStore>(provider.GetRequiredService<IFeedStore>());
        Assert.IsType<SqliteArticleStore>(provider.GetRequiredService<IArticleStore>());
        Assert.IsType<SqlitePollLeases>(provider.GetRequiredService<IPollLeases>());
        Assert.IsType<SqliteWebSubStore>(provider.GetRequiredService<IWebSubStore>());
        Assert.Null(provider.GetService<PostgresConnections>());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("Postgres")]
    public void The_postgres_provider_serves_every_store_contract_from_the_connection_string(string name)
    {
        using var provider = Build(name, o => o.ConnectionString = "Host=db.example;Port=5433;Database=feeds;Username=agg;Password=secret");

        Assert.Equal("PostgreSQL database feeds on db.example:5433", provider.GetRequiredService<PostgresConnections>().Description);
        Assert.IsType<PostgresMigrator>(provider.GetRequiredService<IStoreMigrator>());
        Assert.IsType<PostgresFeedStore>(provider.GetRequiredService<IFeedStore>());
        Assert.IsType<PostgresArticleStore>(provider.GetRequiredService<IArticleStore>());
        Assert.IsType<PostgresPollLeases>(provider.GetRequiredService<IPollLeases>());
        Assert.IsType<PostgresWebSubStore>(provider.GetRequiredService<IWebSubStore>());
        Assert.NotNull(provider.GetRequiredService<StoreHealth>());
        Assert.Null(provider.GetService<SqliteConnectionFactory>());
    }

    private static List<string> Problems(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_ones_there_are()
    {
        var problem = Assert.Single(Problems(new StorageOptions { Provider = "mysql" }));
        Assert.Equal("Storage:Provider must be 'sqlite' or 'postgres'.", problem);
    }

    [Theory]
    [InlineData(null, "Storage:ConnectionString is required with Storage:Provider=postgres")]
    [InlineData("  ", "Storage:ConnectionString is required with Storage:Provider=postgres")]
    [InlineData("Database=feeds;Username=agg;Password=hunter2", "Storage:ConnectionString names no Host.")]
    [InlineData("Host=db;Port=notaport;Password=hunter2", "Storage:ConnectionString is not an Npgsql connection string")]
    [InlineData("Host=db;Bogus Key=hunter2", "Storage:ConnectionString is not an Npgsql connection string")]
    public void A_postgres_provider_with_an_unusable_connection_string_is_refused_without_repeating_it(string? connectionString, string expected)
    {
        var problem = Assert.Single(Problems(new StorageOptions { Provider = "postgres", ConnectionString = connectionString }));
        Assert.StartsWith(expected, problem);
        Assert.DoesNotContain("hunter2", problem);
    }

    [Fact]
    public void A_usable_setting_has_no_problems_and_the_default_file_is_under_data()
    {
        Assert.Empty(Problems(new StorageOptions { Provider = "postgres", ConnectionString = "Host=db;Database=feeds" }));
        Assert.Null(PostgresConnections.Check("Host=db"));
        Assert.Empty(Problems(new StorageOptions()));
        Assert.Equal("data/feedaggregator.db", new StorageOptions().Database);
    }
}
