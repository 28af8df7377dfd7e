using System.ComponentModel.DataAnnotations;

namespace FeedAggregator.Storage;

/// <summary>The "Storage" config section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (one file on this machine, the default) or <c>postgres</c> (shared by every node).</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The SQLite file; relative paths resolve against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "data/feedaggregator.db";

    /// <summary>
    /// The PostgreSQL database, in Npgsql's form (<c>Host=...;Database=...;Username=...;Password=...</c>).
    /// A secret: set it from the environment (<c>Storage__ConnectionString</c>); it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!StorageProviders.IsKnown(Provider))
        {
            yield return new ValidationResult(
                $"Storage:Provider must be '{StorageProviders.Sqlite}' or '{StorageProviders.Postgres}'.", [nameof(Provider)]);
        }
        else if (StorageProviders.IsPostgres(Provider) && Postgres.PostgresConnections.Check(ConnectionString) is { } problem)
        {
            // The message says what is wrong with the connection string, never what it holds.
            yield return new ValidationResult($"Storage:ConnectionString {problem}", [nameof(ConnectionString)]);
        }
    }
}

/// <summary>The values of Storage:Provider.</summary>
public static class StorageProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static bool IsKnown(string? provider) => IsPostgres(provider) || string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public static bool IsPostgres(string? provider) => string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);
}
