using System.Globalization;
using FeedAggregator.Fetching;
using FeedAggregator.Model;
using Microsoft.Extensions.Logging;

namespace FeedAggregator.WebSub;

/// <summary>
/// Sends subscription requests to hubs (WebSub 5.1): a form POST of hub.mode, hub.topic and
/// hub.callback, with hub.lease_seconds and hub.secret to subscribe. A hub that refuses or cannot
/// be reached is an answer, not an exception.
/// </summary>
public sealed class HubClient(IHttpClientFactory clients, ILogger<HubClient> logger)
{
    public const string HttpClientName = "websub-subscriber";

    /// <summary>Null when the hub accepted the request (any 2xx, 202 as a rule); else why not.</summary>
    public async Task<string?> RequestAsync(HubSubscription subscription, string mode, Uri callback, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        List<KeyValuePair<string, string>> form =
        [
            new("hub.mode", mode), new("hub.topic", subscription.Topic), new("hub.callback", callback.AbsoluteUri),
        ];
        if (mode == "subscribe")
        {
            form.Add(new("hub.lease_seconds", ((long)lease.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
            // Sent over plain http too: without it no push could be told from a forgery.
            form.Add(new("hub.secret", subscription.Secret));
        }

        // A request the hub never answered (a connection it closed, a reset) is sent once more
        // at once: subscribing twice is the same as once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Hub) { Content = new FormUrlEncodedContent(form) };
                request.Headers.TryAddWithoutValidation("User-Agent", FeedFetcher.DefaultUserAgent);
                using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return null;
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return $"the hub answered {(int)response.StatusCode} {response.ReasonPhrase}" + (body.Length > 0 ? ": " + Excerpt(body) : "");
            }
            catch (HttpRequestException ex) when (attempt == 1 && ex.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError))
            {
                logger.LogDebug("WebSub: {Hub} did not answer a {Mode} request ({Error}); sent again", subscription.Hub, mode, ex.Message);
            }
            catch (HttpRequestException ex)
            {
                return "the hub could not be reached: " + FetchErrors.Describe(ex, new Uri(subscription.Hub));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return "the hub did not answer in time";
            }
        }
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}
