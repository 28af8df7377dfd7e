using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class EmbedFrameTests
{
    [Fact]
    public void An_allowed_player_keeps_its_checked_url_its_size_and_our_sandbox()
    {
        var shaped = EmbedFrame.Shape(
        [
            new("SRC", " HTTPS://WWW.YOUTUBE.COM/embed/abc "),
            new("width", "560"),
            new("onload", "x()"),
            new("sandbox", "allow-top-navigation"),
        ]);

        Assert.NotNull(shaped);
        Assert.Equal(
            [
                new("SRC", "https://www.youtube.com/embed/abc"),
                new("width", "560"),
                new("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation"),
                new("referrerpolicy", "strict-origin-when-cross-origin"),
                new KeyValuePair<string, string>("loading", "lazy"),
            ],
            shaped);
    }

    [Fact]
    public void Any_other_frame_goes() => Assert.Null(EmbedFrame.Shape([new("src", "https://evil.example/embed/abc")]));
}
