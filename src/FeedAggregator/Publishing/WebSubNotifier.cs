using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Publishing;

/// <summary>
/// Tells the configured WebSub hub that feeds changed, so subscribers get them pushed
/// (the de facto publish ping: POST hub.mode=publish&amp;hub.url=TOPIC). A failing hub is logged,
/// never fatal: readers still poll.
/// </summary>
public sealed class WebSubNotifier(IHttpClientFactory clients, IOptions<PublishingOptions> options, ILogger<WebSubNotifier> logger)
{
    public const string HttpClientName = "websub";

    public async Task NotifyAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.WebSubHub) || !Uri.TryCreate(options.Value.WebSubHub, UriKind.Absolute, out var hub))
        {
            return;
        }

        var client = clients.CreateClient(HttpClientName);
        foreach (var topic in topics)
        {
            try
            {
                using var body = new FormUrlEncodedContent([new("hub.mode", "publish"), new("hub.url", topic)]);
                using var response = await client.PostAsync(hub, body, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Publishing: WebSub hub {Hub} answered {HttpStatus} to the ping for {Topic}", hub, (int)response.StatusCode, topic);
                }
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Publishing: WebSub hub {Hub} could not be pinged for {Topic}: {Error}", hub, topic, ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Publishing: WebSub hub {Hub} timed out on the ping for {Topic}", hub, topic);
            }
        }
    }
}
