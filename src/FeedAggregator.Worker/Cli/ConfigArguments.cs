namespace FeedAggregator.Worker.Cli;

/// <summary>
/// Command-line configuration overrides, which every verb accepts after its own options:
/// <c>--Section:Key=value</c>, <c>--Section:Key value</c>, and the host's <c>--urls URL</c> and
/// <c>--environment NAME</c>. Anything else left over is a usage error.
/// </summary>
internal static class ConfigArguments
{
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "urls", "environment" };

    public static bool TryCollect(IReadOnlyList<string> tokens, out List<string> configArgs, out string? error)
    {
        configArgs = [];
        error = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                error = $"unexpected argument '{token}'";
                return false;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            if (!key.Contains(':', StringComparison.Ordinal) && !HostKeys.Contains(key))
            {
                error = $"unknown option '{token}' (configuration overrides look like --Section:Key=value)";
                return false;
            }

            if (equals >= 0)
            {
                configArgs.Add(token);
            }
            else if (i + 1 < tokens.Count)
            {
                configArgs.Add($"--{key}={tokens[++i]}");
            }
            else
            {
                error = $"option '{token}' needs a value";
                return false;
            }
        }

        return true;
    }
}
