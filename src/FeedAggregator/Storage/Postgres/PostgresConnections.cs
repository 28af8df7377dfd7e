using Npgsql;

namespace FeedAggregator.Storage.Postgres;

/// <summary>
/// The process's pool of connections to the PostgreSQL database (an Npgsql data source). The
/// connection string is a secret: <see cref="Description"/> names the server and database for
/// messages and logs, never the user's password or the string itself.
/// </summary>
public sealed class PostgresConnections : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnections(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= "feedagg";
        // Statements that run over and over (the writer's, the claims) are prepared by Npgsql
        // after their second use, unless the operator chose otherwise.
        if (settings.MaxAutoPrepare == 0)
            settings.MaxAutoPrepare = 64;
        Description = Describe(settings);
        _dataSource = builder.Build();
    }

    /// <summary>"PostgreSQL database NAME on HOST:PORT": what messages say instead of the connection string.</summary>
    public string Description { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>What is wrong with <paramref name="connectionString"/> (without repeating it), or null when it can be used.</summary>
    public static string? Check(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return "is required with Storage:Provider=postgres (an Npgsql connection string, e.g. from the environment: Storage__ConnectionString).";
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(settings.Host) ? "names no Host." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's own message might quote a value (a password): it is not repeated.
            return "is not an Npgsql connection string (Host=...;Port=...;Database=...;Username=...;Password=...).";
        }
    }

    /// <summary>The connection string's server and database, never its credentials.</summary>
    public static string Describe(string connectionString) => Describe(new NpgsqlConnectionStringBuilder(connectionString));

    private static string Describe(NpgsqlConnectionStringBuilder settings) =>
        $"PostgreSQL database {settings.Database ?? settings.Username ?? "(default)"} on {settings.Host}:{settings.Port}";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
