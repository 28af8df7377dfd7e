using FeedAggregator.Publishing;
using Microsoft.Net.Http.Headers;

namespace FeedAggregator.Worker.Http;

/// <summary>
/// Writes one rendered document: validators, Cache-Control, 304, HEAD, and the precompressed
/// bytes for the coding the client accepts. Nothing here allocates per request beyond headers.
/// </summary>
internal static class DocumentResponder
{
    public static Task RespondAsync(HttpContext http, PublishedDocument published, string cacheControl)
    {
        var request = http.Request;
        var response = http.Response;
        var coding = ContentCoding.Choose(request.Headers.AcceptEncoding);
        var headers = response.Headers;
        // A strong ETag names one representation (RFC 9110 8.8.3): the coding is part of it.
        headers.ETag = coding is null ? published.ETag : published.ETag.Insert(published.ETag.Length - 1, "-" + coding);
        headers.LastModified = HeaderUtilities.FormatDate(published.LastModified);
        headers.CacheControl = cacheControl;
        headers.Vary = "Accept-Encoding";

        if (IsNotModified(request, published))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = coding switch
        {
            ContentCoding.Brotli => published.Brotli,
            ContentCoding.Gzip => published.Gzip,
            _ => published.Content,
        };
        if (coding is not null)
        {
            headers.ContentEncoding = coding;
        }

        response.ContentType = published.Document.MediaType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    private static bool IsNotModified(HttpRequest request, PublishedDocument published)
    {
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2) and compares weakly, so any
        // coding of the same content matches.
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            var current = Opaque(published.ETag);
            return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || Opaque(tag) == current);
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && published.LastModified <= since;
    }

    private static string Opaque(string tag)
    {
        var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        value = value.Trim('"');
        foreach (var suffix in new[] { "-" + ContentCoding.Brotli, "-" + ContentCoding.Gzip })
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                return value[..^suffix.Length];
            }
        }

        return value;
    }
}
