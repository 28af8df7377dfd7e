namespace FeedAggregator.Worker.Cli;

/// <summary>
/// Splits configuration overrides off the command line before the verbs are parsed, so every
/// verb accepts them anywhere: <c>--Section:Key=value</c>, <c>--Section:Key value</c>, and the
/// host's own keys <c>--urls URL</c>, <c>--environment NAME</c>, <c>--contentRoot</c> and
/// <c>--applicationName</c> (the last two are what a test host such as WebApplicationFactory passes),
/// and the top-level <c>--Roles ROLE</c>.
/// </summary>
internal static class ConfigArguments
{
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "urls", "environment", "contentRoot", "applicationName", "Roles" };

    /// <returns>The verb's own arguments and the overrides (as <c>--Key=value</c>), or an error for an override without a value.</returns>
    public static (List<string> CommandArgs, List<string> ConfigArgs, string? Error) Split(IReadOnlyList<string> args)
    {
        List<string> command = [], config = [];
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                command.AddRange(args.Skip(i));
                break;
            }

            if (!IsOverride(token, out var key, out var hasValue))
            {
                command.Add(token);
                continue;
            }

            if (hasValue)
                config.Add(token);
            else if (i + 1 < args.Count)
                config.Add($"--{key}={args[++i]}");
            else
                return (command, config, $"option '{token}' needs a value");
        }

        return (command, config, null);
    }

    private static bool IsOverride(string token, out string key, out bool hasValue)
    {
        key = "";
        hasValue = false;
        if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            return false;
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        key = equals < 0 ? token[2..] : token[2..equals];
        hasValue = equals >= 0;
        return key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key);
    }
}
