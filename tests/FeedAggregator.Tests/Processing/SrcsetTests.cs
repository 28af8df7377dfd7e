using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing;

public sealed class SrcsetTests
{
    [Theory]
    [InlineData("http://img.example/a.jpg 1x")]
    [InlineData("https://img.example/a.jpg 1x, https://img.example/a@2x.jpg 2x")]
    [InlineData("HTTPS://img.example/a.jpg 480w, /b.jpg 800w")]
    [InlineData("a.jpg, b.jpg 2x")]
    [InlineData("photos/2024:01.jpg 1x")] // a colon after a slash: a relative path, not a scheme
    [InlineData("1x:y.jpg 1x")] // a scheme starts with a letter: relative
    [InlineData(":y.jpg 1x")]
    public void Web_and_relative_candidates_pass(string srcset) => Assert.True(Srcset.HasOnlyWebUrls(srcset));

    [Theory]
    [InlineData("javascript:alert(1) 1x")]
    [InlineData("https://img.example/a.jpg 1x, data:image/png;base64,AAAA 2x")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("svn+ssh://host/a.png 2x")] // scheme characters: letters, digits, + - .
    [InlineData("ms-settings:x 1x")]
    [InlineData("com.example.app:x 1x")]
    [InlineData("mailto:a@example.com 1x")]
    public void One_candidate_with_another_scheme_fails_the_attribute(string srcset) => Assert.False(Srcset.HasOnlyWebUrls(srcset));
}
