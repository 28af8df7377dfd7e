using System.Net.Sockets;
using System.Security.Authentication;
using FeedAggregator.Fetching;

namespace FeedAggregator.Tests.Fetching;

/// <summary>Network exceptions become short messages that name the endpoint.</summary>
public sealed class FetchErrorsTests
{
    private static readonly Uri Feed = new("https://example.com/feed.xml");

    [Fact]
    public void A_refused_socket_names_host_and_port() =>
        Assert.Equal("connection refused (example.com:443)", FetchErrors.Describe(Http(new SocketException((int)SocketError.ConnectionRefused)), Feed));

    [Fact]
    public void An_unknown_host_is_name_not_resolved() =>
        Assert.Equal("name not resolved (example.com)", FetchErrors.Describe(Http(new SocketException((int)SocketError.HostNotFound)), Feed));

    [Fact]
    public void A_name_resolution_error_without_a_socket_exception_is_recognised() =>
        Assert.Equal("name not resolved (example.com)",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"), Feed));

    [Fact]
    public void A_failed_certificate_check_is_a_tls_failure() =>
        Assert.Equal("TLS handshake failed (example.com:443)",
            FetchErrors.Describe(Http(new AuthenticationException("The remote certificate is invalid: UntrustedRoot")), Feed));

    [Fact]
    public void Anything_unrecognised_keeps_its_own_message() =>
        Assert.Equal("Something odd happened.", FetchErrors.Describe(new HttpRequestException("Something odd happened."), Feed));

    [Fact]
    public void A_connect_timeout_from_the_handler_is_named() =>
        Assert.Equal("connect timed out (example.com:443)",
            FetchErrors.Describe(new TaskCanceledException("The operation was canceled.", new TimeoutException()), Feed));

    [Theory]
    [InlineData(404, "Not Found", "HTTP 404 Not Found")]
    [InlineData(599, null, "HTTP 599")]
    [InlineData(500, "   ", "HTTP 500")]
    [InlineData(502, " Bad Gateway ", "HTTP 502 Bad Gateway")]
    public void Status_lines_read_like_http(int status, string? reason, string expected) =>
        Assert.Equal(expected, FetchErrors.Status(status, reason));

    [Fact]
    public void A_rambling_reason_phrase_is_cut_short() =>
        Assert.Equal(9 + 100 + 1, FetchErrors.Status(500, new string('x', 5000)).Length);

    [Fact]
    public void A_reason_phrase_of_exactly_the_limit_is_kept_whole()
    {
        var reason = new string('x', 100);

        Assert.Equal($"HTTP 500 {reason}", FetchErrors.Status(500, reason));
    }

    [Theory]
    [InlineData(SocketError.TimedOut, "connection timed out (example.com:443)")]
    [InlineData(SocketError.HostUnreachable, "host unreachable (example.com:443)")]
    [InlineData(SocketError.NetworkUnreachable, "host unreachable (example.com:443)")]
    [InlineData(SocketError.HostDown, "host unreachable (example.com:443)")]
    [InlineData(SocketError.NetworkDown, "host unreachable (example.com:443)")]
    [InlineData(SocketError.ConnectionReset, "connection reset (example.com:443)")]
    public void Socket_errors_are_named_with_the_endpoint(SocketError error, string expected) =>
        Assert.Equal(expected, FetchErrors.Describe(Http(new SocketException((int)error)), Feed));

    [Fact]
    public void Http_request_errors_without_a_socket_exception_are_named()
    {
        Assert.Equal("TLS handshake failed (example.com:443)",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.SecureConnectionError, "handshake"), Feed));
        Assert.Equal("cannot connect (example.com:443): no route",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.ConnectionError, "no route"), Feed));
        Assert.Equal("connection closed before the response was complete (example.com:443)",
            FetchErrors.Describe(new HttpIOException(HttpRequestError.ResponseEnded, "ended"), Feed));
        Assert.Equal("connection closed before the response was complete (example.com:443)",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), Feed));
        Assert.Equal("invalid HTTP response (example.com:443): bad status line",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.InvalidResponse, "bad status line"), Feed));
        Assert.Equal("invalid HTTP response (example.com:443): bad frame",
            FetchErrors.Describe(new HttpRequestException(HttpRequestError.HttpProtocolError, "bad frame"), Feed));
    }

    [Fact]
    public void A_plain_io_failure_is_a_connection_lost_mid_body() =>
        Assert.Equal("connection lost while reading the body (example.com:443): broken pipe",
            FetchErrors.Describe(new IOException("broken pipe"), Feed));

    private static HttpRequestException Http(Exception inner) => new("An error occurred while sending the request.", inner);
}
