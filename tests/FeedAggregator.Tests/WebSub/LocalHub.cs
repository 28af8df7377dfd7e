using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FeedAggregator.Tests.Support;
using FeedAggregator.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedAggregator.Tests.WebSub;

/// <summary>
/// A WebSub hub and the publisher's site, written for the tests, on one local Kestrel: /feed.atom
/// declares the hub, /hub takes subscription requests (and records them), and the test decides
/// when the hub verifies intent and what it pushes, over real HTTP to the service's callback.
/// </summary>
internal sealed class LocalHub : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<HubRequest> _requests = new();
    private LocalHttpServer _server = null!;

    /// <summary>What the hub answers a subscription request.</summary>
    public HubAnswer Answer { get; set; } = HubAnswer.Accept;

    /// <summary>The entries of the feed the site serves.</summary>
    /// <remarks>Two posts an hour apart, the newer an hour old at the start: polled every 30 minutes by their rate.</remarks>
    public List<HubEntry> Entries { get; } =
    [
        new("a", "First post", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)),
        new("z", "Zeroth post", new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)),
    ];

    public Uri HubUrl => _server.Url("/hub");
    public Uri Topic => _server.Url("/feed.atom");
    public IReadOnlyList<HubRequest> Requests => [.. _requests];

    public static async Task<LocalHub> StartAsync()
    {
        var hub = new LocalHub();
        hub._server = await LocalHttpServer.StartAsync(routes =>
        {
            routes.MapGet("/feed.atom", () => Results.Text(hub.Document(hub.Entries), "application/atom+xml"));
            routes.MapPost("/hub", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                hub._requests.Enqueue(new HubRequest(
                    form["hub.mode"].ToString(), form["hub.topic"].ToString(), new Uri(form["hub.callback"].ToString()),
                    form["hub.secret"].FirstOrDefault(), form["hub.lease_seconds"].FirstOrDefault()));
                switch (hub.Answer)
                {
                    case HubAnswer.Refuse:
                        return Results.Text("topic not allowed here", statusCode: StatusCodes.Status400BadRequest);
                    case HubAnswer.DropOnce when hub._requests.Count == 1:
                        context.Abort();
                        return Results.Empty;
                    case HubAnswer.Hang:
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
                        return Results.Empty;
                    default:
                        return Results.StatusCode(StatusCodes.Status202Accepted);
                }
            });
        });
        return hub;
    }

    /// <summary>The Atom document of the site (and of pushes): it declares this hub and its own topic.</summary>
    public string Document(IEnumerable<HubEntry> entries) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Pushed blog</title>
          <id>{Topic}</id>
          <link rel="self" href="{Topic}"/>
          <link rel="hub" href="{HubUrl}"/>
          <updated>2026-03-02T08:00:00Z</updated>
          {string.Concat(entries.Select(e => $"<entry><id>urn:post:{e.Id}</id><title>{e.Title}</title><link href=\"{_server.Url("/posts/" + e.Id)}\"/><updated>{e.Updated.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated><content>Text of {e.Title}.</content></entry>"))}
        </feed>
        """;

    /// <summary>Verifies intent as the hub does (WebSub 5.3): the status and body of the callback's answer.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> VerifyAsync(
        Uri callback, string mode, string topic, string challenge, int? leaseSeconds = 3600)
    {
        var query = $"hub.mode={mode}&hub.topic={Uri.EscapeDataString(topic)}&hub.challenge={Uri.EscapeDataString(challenge)}"
            + (leaseSeconds is { } lease ? $"&hub.lease_seconds={lease}" : "");
        using var response = await Http.GetAsync(new UriBuilder(callback) { Query = query }.Uri);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Verifies the request as it was asked for.</summary>
    public static Task<(HttpStatusCode Status, string Body)> VerifyAsync(HubRequest request, string challenge, int? leaseSeconds = 3600) =>
        VerifyAsync(request.Callback, request.Mode, request.Topic, challenge, leaseSeconds);

    /// <summary>Pushes content to a callback, signed with <paramref name="secret"/> (unsigned when null).</summary>
    public static async Task<HttpStatusCode> PushAsync(Uri callback, string body, string? secret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/atom+xml");
        if ((signature ?? (secret is null ? null : HubSignature.Sign(secret, bytes))) is { } header)
            request.Headers.TryAddWithoutValidation("X-Hub-Signature", header);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>An entry of the publisher's feed.</summary>
internal sealed record HubEntry(string Id, string Title, DateTimeOffset Updated);

/// <summary>A subscription request as the hub received it.</summary>
internal sealed record HubRequest(string Mode, string Topic, Uri Callback, string? Secret, string? LeaseSeconds);

public enum HubAnswer
{
    /// <summary>202 Accepted; verification is the test's to send.</summary>
    Accept,

    /// <summary>400 with a reason.</summary>
    Refuse,

    /// <summary>No answer at all: the connection stays open until the client gives up.</summary>
    Hang,

    /// <summary>The first request's connection is closed without an answer; later ones get 202.</summary>
    DropOnce,
}
