using System.Net;
using System.Text.RegularExpressions;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>/status: every feed's health for the operator, failing feeds first.</summary>
[Collection(ServedFeedsCollection.Name)]
public sealed partial class StatusEndpointTests(ServedFeeds served)
{
    [Fact]
    public async Task Lists_every_feed_with_its_status_http_status_article_count_and_error()
    {
        using var response = await served.Client.GetAsync("/status");
        var page = await response.Content.ReadAsStringAsync();
        var rows = Row().Matches(page).Select(m => m.Value).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("3 feeds: 2 ok, 1 failing, 0 gone, 0 held.", page, StringComparison.Ordinal);
        Assert.Equal(3, rows.Count);
        // The failing feed comes first, with its HTTP status, its error count and its error.
        Assert.Contains("Missing", rows[0], StringComparison.Ordinal);
        Assert.Contains(served.MissingUrl, rows[0], StringComparison.Ordinal);
        Assert.Contains("<td class=\"error\">error (HTTP 404)<br><small>1 error in a row</small></td><td>0</td>", rows[0], StringComparison.Ordinal);
        Assert.Contains("404", rows[0][rows[0].LastIndexOf("<td>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Loopback Tech", rows[1], StringComparison.Ordinal);
        Assert.Contains("<td class=\"ok\">ok (HTTP 200)</td><td>2</td>", rows[1], StringComparison.Ordinal);
        Assert.Contains("Loopback World", rows[2], StringComparison.Ordinal);
        Assert.Contains("<td class=\"ok\">ok (HTTP 200)</td><td>2</td>", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_head()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/status");
        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("<tr><td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
