using System.Security.Cryptography;
using System.Text;
using FeedAggregator.WebSub;

namespace FeedAggregator.Tests.WebSub;

/// <summary>X-Hub-Signature: every method WebSub names, the -256 header, and what a forger might send.</summary>
public sealed class HubSignatureTests
{
    private const string Secret = "s3cr3t";
    private static readonly byte[] Body = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"u8.ToArray();

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("sha384")]
    [InlineData("sha512")]
    public void Every_websub_method_verifies(string method)
    {
        Assert.Null(HubSignature.Check(Secret, Body, $"{method}={Hmac(method, Secret, Body)}", null));
        Assert.Null(HubSignature.Check(Secret, Body, $"{method.ToUpperInvariant()}={Hmac(method, Secret, Body).ToUpperInvariant()}", null));
    }

    [Fact]
    public void The_256_header_is_checked_first()
    {
        var good = HubSignature.Sign(Secret, Body);

        Assert.Null(HubSignature.Check(Secret, Body, "sha1=0000", good));
        Assert.NotNull(HubSignature.Check(Secret, Body, good, "sha256=0000"));
        Assert.NotNull(HubSignature.Check(Secret, Body, null, $"sha1={Hmac("sha1", Secret, Body)}"));
    }

    [Fact]
    public void Another_secret_another_body_or_a_cut_signature_does_not_verify()
    {
        var good = HubSignature.Sign(Secret, Body);

        Assert.Equal("a signature that does not match", HubSignature.Check("other", Body, good, null));
        Assert.Equal("a signature that does not match", HubSignature.Check(Secret, [.. Body, (byte)' '], good, null));
        Assert.Equal("a signature that does not match", HubSignature.Check(Secret, Body, good[..^2], null));
    }

    [Theory]
    [InlineData(null, "no X-Hub-Signature")]
    [InlineData("", "no X-Hub-Signature")]
    [InlineData("nonsense", "a malformed X-Hub-Signature")]
    [InlineData("=abcd", "a malformed X-Hub-Signature")]
    [InlineData("sha256=not-hex!", "a signature that is not hexadecimal")]
    [InlineData("md5=abcd", "an unknown signature method 'md5'")]
    public void A_missing_or_malformed_signature_says_why(string? header, string reason)
    {
        Assert.Equal(reason, HubSignature.Check(Secret, Body, header, null));
    }

    private static string Hmac(string method, string secret, byte[] body)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        return Convert.ToHexStringLower(method switch
        {
            "sha1" => HMACSHA1.HashData(key, body),
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            _ => HMACSHA512.HashData(key, body),
        });
    }
}
