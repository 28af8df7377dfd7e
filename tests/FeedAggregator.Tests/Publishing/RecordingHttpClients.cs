using System.Net;

namespace FeedAggregator.Tests.Publishing;

/// <summary>
/// Clients that keep every request they were given (with its body, read before the sender disposes
/// it) and answer 204, or what <paramref name="answer"/> says to the request and its body (which may throw, as a network would).
/// </summary>
internal sealed class RecordingHttpClients(Func<HttpRequestMessage, string, HttpResponseMessage>? answer = null) : HttpMessageHandler, IHttpClientFactory
{
    private readonly List<(HttpRequestMessage Request, string Body)> _requests = [];

    public IReadOnlyList<(HttpRequestMessage Request, string Body)> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    /// <summary>The hub.url of each WebSub publish ping, in the order sent.</summary>
    public IReadOnlyList<string> PingedTopics =>
        [.. Requests.Select(r => Uri.UnescapeDataString(r.Body.Split('&').Single(p => p.StartsWith("hub.url=", StringComparison.Ordinal))["hub.url=".Length..]))];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
            _requests.Add((request, body));
        return answer?.Invoke(request, body) ?? new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
