using System.Net.Sockets;
using System.Security.Authentication;

namespace FeedAggregator.Fetching;

/// <summary>Short, stable messages for the feed's status line, from what the network threw.</summary>
internal static class FetchErrors
{
    private const int MaxReasonLength = 100;

    public static string Status(int status, string? reasonPhrase)
    {
        var reason = reasonPhrase?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return $"HTTP {status}";
        }

        // A reason phrase is free text from the server: keep it a status line, not an essay.
        return reason.Length > MaxReasonLength ? $"HTTP {status} {reason[..MaxReasonLength]}…" : $"HTTP {status} {reason}";
    }

    public static string TooLarge(long maxBytes) => $"response larger than {Units.Bytes(maxBytes)}";

    public static string TimedOut(TimeSpan timeout) => $"timed out after {Units.Duration(timeout)}";

    /// <summary>Describes a network, protocol or decoding failure while talking to <paramref name="url"/>.</summary>
    public static string Describe(Exception exception, Uri url)
    {
        var endpoint = $"{url.Host}:{url.Port}";
        if (Find<AuthenticationException>(exception) is not null)
        {
            return $"TLS handshake failed ({endpoint})";
        }

        if (Find<SocketException>(exception) is { } socket && Describe(socket.SocketErrorCode) is { } what)
        {
            return what == "name not resolved" ? $"{what} ({url.Host})" : $"{what} ({endpoint})";
        }

        return exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"name not resolved ({url.Host})",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => $"TLS handshake failed ({endpoint})",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"cannot connect ({endpoint}): {exception.Message}",
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => $"connection closed before the response was complete ({endpoint})",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => $"connection closed before the response was complete ({endpoint})",
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError } =>
                $"invalid HTTP response ({endpoint}): {exception.Message}",
            InvalidDataException => $"invalid compressed body: {exception.Message}",
            OperationCanceledException { InnerException: TimeoutException } => $"connect timed out ({endpoint})",
            IOException => $"connection lost while reading the body ({endpoint}): {exception.Message}",
            _ => exception.Message,
        };
    }

    private static string? Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "name not resolved",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => "host unreachable",
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => "connection reset",
        _ => null,
    };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
