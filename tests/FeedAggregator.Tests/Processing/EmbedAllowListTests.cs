using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class EmbedAllowListTests
{
    [Theory]
    [InlineData("https://www.youtube.com/embed/abc")]
    [InlineData("https://www.youtube-nocookie.com/embed/abc?start=3")]
    [InlineData("https://player.vimeo.com/video/123")]
    [InlineData("https://www.dailymotion.com/embed/video/x7")]
    [InlineData("https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1")]
    [InlineData("https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC")]
    [InlineData("https://bandcamp.com/EmbeddedPlayer/album=1/size=large/")]
    [InlineData("HTTPS://WWW.YOUTUBE.COM/embed/abc")]
    public void Named_players_are_allowed(string src) => Assert.NotNull(EmbedAllowList.Check(src));

    [Theory]
    [InlineData("http://www.youtube.com/embed/abc")] // not https
    [InlineData("https://youtube.com.evil.net/embed/abc")] // suffix trick
    [InlineData("https://evil.net/www.youtube.com/embed/abc")] // host in the path
    [InlineData("https://www.youtube.com@evil.net/embed/abc")] // userinfo: the host is evil.net
    [InlineData("https://www.youtube.com:pass@evil.net/embed/abc")]
    [InlineData("https://evil.youtube.com/embed/abc")] // another subdomain
    [InlineData("https://youtube.com/embed/abc")] // not the named host
    [InlineData("https://www.youtube.com./embed/abc")] // trailing dot
    [InlineData("https://www.youtube.com:8443/embed/abc")] // another port
    [InlineData("https://www.youtube.com/watch?v=abc")] // a page, not the player
    [InlineData("https://www.youtube-nocookie.com/watch?v=abc")]
    [InlineData("https://player.vimeo.com/123")]
    [InlineData("https://user@www.youtube.com/embed/abc")] // userinfo, even on the right host
    [InlineData("https://www.youtube.com/embed/../watch?v=abc")] // dot segments leave the player's path
    [InlineData("https://bandcamp.com/embeddedplayer/album=1/")] // the path prefix is case-sensitive
    [InlineData("https://framatube.org/videos/embed/abc")] // PeerTube is not on the list
    [InlineData("//www.youtube.com/embed/abc")] // relative: resolved before the check, never here
    [InlineData("/embed/abc")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_rejected(string? src) => Assert.Null(EmbedAllowList.Check(src));
}
