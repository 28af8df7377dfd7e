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
    public void Status_lines_read_like_http(int status, string? reason, string expected) =>
        Assert.Equal(expected, FetchErrors.Status(status, reason));

    [Fact]
    public void A_rambling_reason_phrase_is_cut_short() =>
        Assert.Equal(9 + 100 + 1, FetchErrors.Status(500, new string('x', 5000)).Length);

    private static HttpRequestException Http(Exception inner) => new("An error occurred while sending the request.", inner);
}
