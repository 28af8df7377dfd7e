namespace FeedAggregator.Worker.Hosting;

/// <summary>
/// What this node does (the top-level <c>Roles</c> key): <c>all</c> (the default) polls and
/// serves, <c>poll</c> only polls (it answers /health and nothing else over HTTP), <c>serve</c>
/// only serves the merged feed and its views from its own render cache.
/// </summary>
internal sealed record NodeRoles(bool Polls, bool Serves)
{
    public const string Key = "Roles";

    public static readonly NodeRoles All = new(true, true);

    /// <summary>The configured roles; an unknown value stops the start with a message that names the key.</summary>
    public static NodeRoles From(IConfiguration configuration) =>
        configuration[Key]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => All,
            "poll" => new(true, false),
            "serve" => new(false, true),
            _ => throw new InvalidOperationException(
                $"configuration: {Key} must be 'all', 'poll' or 'serve' (got '{configuration[Key]}')."),
        };
}
