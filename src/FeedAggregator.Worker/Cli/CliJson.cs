using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedAggregator.Worker.Cli;

/// <summary>JSON as the CLI prints it: one compact line, non-ASCII text as is.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
