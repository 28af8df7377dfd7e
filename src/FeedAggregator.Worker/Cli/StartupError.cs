using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Cli;

/// <summary>Turns the errors that stop a start (bad configuration, unusable store) into one clear line.</summary>
internal static class StartupError
{
    /// <summary>The message for a known start failure, or null for anything else (a bug: let it surface).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => Describe(validation),
        // Binding a value of the wrong type ("Failed to convert configuration value at 'Polling:MaxConcurrency'").
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } binding =>
            $"configuration: {binding.Message} {binding.InnerException!.Message}",
        InvalidOperationException { Message: var m } when m.Contains("configuration", StringComparison.OrdinalIgnoreCase) =>
            $"configuration: {m}",
        DbException storage => $"storage: {storage.Message}",
        InvalidDataException or IOException or UnauthorizedAccessException => $"{exception.Message}",
        AggregateException { InnerExceptions.Count: > 0 } aggregate =>
            string.Join("; ", aggregate.InnerExceptions.Select(Describe).Where(m => m is not null)) is { Length: > 0 } all ? all : null,
        _ => null,
    };

    private static string Describe(OptionsValidationException validation)
    {
        // Name the section so the message names the key a user has to fix.
        var section = validation.OptionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                      ?? validation.OptionsType.Name;
        return $"configuration section '{section}' is invalid: {string.Join(" ", validation.Failures)}";
    }
}
