using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>
/// The view parameters over HTTP (?source= ?category= ?lang= ?q= ?limit= ?page= and
/// /category/NAME/): each narrows the merged feed as the README says; a bad number is a 400.
/// </summary>
[Collection(ServedFeedsCollection.Name)]
public sealed class FeedViewTests(ServedFeeds served)
{
    // Newest first: World's Arabic summit (6 Jan), Tech's kernel (5 Jan), Tech's podcast (4 Jan), World's markets (3 Jan).
    private const string Summit = "قمة في القاهرة حول المناخ";
    private const string Kernel = "Kernel 9.1 released";
    private const string Podcast = "A podcast about compilers";
    private const string Markets = "Markets close higher";

    [Theory]
    [InlineData("/feed.json", new[] { Summit, Kernel, Podcast, Markets })]
    [InlineData("/feed.json?q=", new[] { Summit, Kernel, Podcast, Markets })]
    [InlineData("/feed.json?unknown=1&utm_source=x", new[] { Summit, Kernel, Podcast, Markets })]
    [InlineData("/feed.json?limit=1", new[] { Summit })]
    [InlineData("/feed.json?limit=500", new[] { Summit, Kernel, Podcast, Markets })]
    [InlineData("/feed.json?limit=2&page=2", new[] { Podcast, Markets })]
    [InlineData("/feed.json?limit=2&page=1", new[] { Summit, Kernel })]
    [InlineData("/feed.json?limit=3&page=2", new[] { Markets })]
    [InlineData("/feed.json?limit=2&page=3", new string[0])]
    [InlineData("/feed.json?category=Tech", new[] { Kernel, Podcast })]
    [InlineData("/feed.json?category=World", new[] { Summit, Markets })]
    [InlineData("/feed.json?category=Nothing", new string[0])]
    [InlineData("/category/Tech/feed.json", new[] { Kernel, Podcast })]
    [InlineData("/category/Tech/feed.json?category=World", new[] { Kernel, Podcast })]
    [InlineData("/category/World/feed.json?limit=1&page=2", new[] { Markets })]
    [InlineData("/feed.json?source=Loopback%20World", new[] { Summit, Markets })]
    [InlineData("/feed.json?lang=ar", new[] { Summit })]
    [InlineData("/feed.json?lang=AR", new[] { Summit })]
    [InlineData("/feed.json?lang=en", new[] { Kernel, Podcast, Markets })]
    [InlineData("/feed.json?q=scheduler", new[] { Kernel })]
    [InlineData("/feed.json?q=%20scheduler%20", new[] { Kernel })]
    [InlineData("/feed.json?category=Tech&q=register", new[] { Podcast })]
    [InlineData("/feed.json?category=World&lang=en", new[] { Markets })]
    public async Task A_view_holds_exactly_the_items_it_names_newest_first(string pathAndQuery, string[] titles) =>
        Assert.Equal(titles, await HttpAssert.ItemTitlesAsync(served.Client, pathAndQuery));

    [Fact]
    public async Task A_source_is_also_named_by_its_url()
    {
        var query = "/feed.json?source=" + Uri.EscapeDataString(served.TechUrl);
        Assert.Equal([Kernel, Podcast], await HttpAssert.ItemTitlesAsync(served.Client, query));
    }

    [Fact]
    public async Task A_filtered_view_is_titled_for_its_filter_and_links_its_pages()
    {
        var atom = XDocument.Parse(await served.Client.GetStringAsync("/feed.atom?category=Tech&limit=1"));
        XNamespace ns = "http://www.w3.org/2005/Atom";
        string? Link(string rel) => atom.Root!.Elements(ns + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;

        Assert.Contains("category: Tech", atom.Root!.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Single(atom.Root.Elements(ns + "entry"));
        Assert.Equal("http://localhost:5080/feed.atom?category=Tech&limit=1&page=2", Link("next"));
        Assert.Equal("http://localhost:5080/feed.atom?category=Tech&limit=1&page=2", Link("last"));
        Assert.Null(Link("previous"));
    }

    [Theory]
    [InlineData("/feed.atom?limit=0", "?limit=", "\"0\"")]
    [InlineData("/feed.atom?limit=501", "?limit=", "\"501\"")]
    [InlineData("/feed.rss?limit=-1", "?limit=", "\"-1\"")]
    [InlineData("/feed.json?limit=ten", "?limit=", "\"ten\"")]
    [InlineData("/feed.json?limit=1.5", "?limit=", "\"1.5\"")]
    [InlineData("/feed.json?limit=%2B3", "?limit=", "\"+3\"")]
    [InlineData("/feed.json?limit=99999999999", "?limit=", "\"99999999999\"")]
    [InlineData("/?limit=0", "?limit=", "\"0\"")]
    [InlineData("/feed.atom?page=0", "?page=", "\"0\"")]
    [InlineData("/feed.rss?page=-2", "?page=", "\"-2\"")]
    [InlineData("/feed.json?page=last", "?page=", "\"last\"")]
    [InlineData("/category/Tech/feed.atom?limit=0", "?limit=", "\"0\"")]
    [InlineData("/category/Tech/feed.rss?page=x", "?page=", "\"x\"")]
    public async Task A_bad_limit_or_page_is_a_400_that_names_the_parameter_and_the_value(string pathAndQuery, string parameter, string value)
    {
        using var response = await served.Client.GetAsync(pathAndQuery);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(parameter, detail, StringComparison.Ordinal);
        Assert.Contains(value, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_message_gives_the_allowed_range()
    {
        using var response = await served.Client.GetAsync("/feed.atom?limit=501");
        Assert.Contains("from 1 to 500", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
