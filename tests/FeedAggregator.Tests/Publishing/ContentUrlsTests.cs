using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class ContentUrlsTests
{
    private const string Base = "https://site.example/dir/page.html";

    [Theory]
    [InlineData("<a href=\"next.html\">x</a>", "<a href=\"https://site.example/dir/next.html\">x</a>")]
    [InlineData("<img src=\"/img/a.png\">", "<img src=\"https://site.example/img/a.png\">")]
    [InlineData("<video poster=\"p.jpg\"></video>", "<video poster=\"https://site.example/dir/p.jpg\"></video>")]
    [InlineData("<blockquote cite=\"../quoted\">q</blockquote>", "<blockquote cite=\"https://site.example/quoted\">q</blockquote>")]
    public void Every_url_attribute_is_made_absolute(string html, string expected)
    {
        Assert.Equal(expected, ContentUrls.Absolute(html, Base));
    }

    [Fact]
    public void Srcset_candidates_are_made_absolute_keeping_their_descriptors_and_absolute_ones()
    {
        var html = ContentUrls.Absolute("<img srcset=\"small.jpg 1x, https://cdn.example/big.jpg 2x, data:image/gif;base64,R0lGOD 3x, plain.jpg\">", Base);

        Assert.Equal(
            "<img srcset=\"https://site.example/dir/small.jpg 1x, https://cdn.example/big.jpg 2x, data:image/gif;base64,R0lGOD 3x, https://site.example/dir/plain.jpg\">",
            html);
    }

    [Fact]
    public void A_srcset_of_relative_urls_only_is_made_absolute()
    {
        Assert.Equal("<img srcset=\"https://site.example/dir/a.jpg 2x\">", ContentUrls.Absolute("<img srcset=\"a.jpg 2x\">", Base));
    }

    [Fact]
    public void A_url_that_resolves_to_no_web_address_is_removed()
    {
        // The only base known is not a web address: a link that would lead there is dropped, its text kept.
        Assert.Equal("<a>x</a><img srcset=\"https://cdn.example/a.jpg 2x\">",
            ContentUrls.Absolute("<a href=\"x\">x</a><img srcset=\"b.jpg 1x, https://cdn.example/a.jpg 2x\">", "ftp://files.example/dir/"));
    }
}
