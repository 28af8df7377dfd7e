using System.Security.Cryptography;
using System.Text;

namespace FeedAggregator.WebSub;

/// <summary>
/// Checks the HMAC a hub signs pushed content with (WebSub 8: <c>X-Hub-Signature: method=hex</c>,
/// method sha1, sha256, sha384 or sha512, keyed with the subscription's secret). GitHub-style
/// <c>X-Hub-Signature-256: sha256=hex</c> is taken first when present. Compared in constant time.
/// </summary>
public static class HubSignature
{
    /// <summary>Null when the signature verifies; else why not, for the log.</summary>
    public static string? Check(string secret, ReadOnlySpan<byte> body, string? signature, string? signature256)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var header = !string.IsNullOrWhiteSpace(signature256) ? signature256 : signature;
        if (string.IsNullOrWhiteSpace(header))
            return "no X-Hub-Signature";
        var separator = header.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
            return "a malformed X-Hub-Signature";
        var method = header[..separator].Trim().ToLowerInvariant();
        if (header == signature256 && method != "sha256")
            return "X-Hub-Signature-256 that is not sha256";

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(separator + 1).Trim());
        }
        catch (FormatException)
        {
            return "a signature that is not hexadecimal";
        }

        var key = Encoding.UTF8.GetBytes(secret);
        var expected = method switch
        {
            "sha1" => HMACSHA1.HashData(key, body),
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            "sha512" => HMACSHA512.HashData(key, body),
            _ => null,
        };
        if (expected is null)
            return $"an unknown signature method '{method}'";
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "a signature that does not match";
    }

    /// <summary>The header value a hub sends for <paramref name="body"/> (for tests and the benchmark's hub).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
