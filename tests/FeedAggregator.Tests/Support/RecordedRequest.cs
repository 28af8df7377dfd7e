namespace FeedAggregator.Tests.Support;

/// <summary>One request as <see cref="LocalHttpServer"/> received it: the server's side of a test.</summary>
public sealed record RecordedRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The header's values joined by ", ", or null when the client did not send it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
