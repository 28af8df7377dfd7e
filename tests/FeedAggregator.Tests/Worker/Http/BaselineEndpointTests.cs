using System.Net;
using FeedAggregator.Tests.Support;

namespace FeedAggregator.Tests.Worker.Http;

/// <summary>/baseline, the load benchmark's ceiling: on only with Benchmark:StaticFile, serving that file's bytes.</summary>
[Collection(ServedFeedsCollection.Name)]
public sealed class BaselineEndpointTests(ServedFeeds served)
{
    [Fact]
    public async Task Is_not_there_unless_configured()
    {
        using var response = await served.Client.GetAsync("/baseline");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Serves_the_configured_file_as_atom_read_when_first_asked()
    {
        using var folder = new ScratchFolder();
        folder.WriteOpml();
        var file = folder.PathOf("baseline.atom");
        await using var service = new ServiceFactory(folder, new Dictionary<string, string> { ["Benchmark:StaticFile"] = file });
        var client = service.CreateClient();
        await File.WriteAllTextAsync(file, "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"); // written after the start, as the benchmark does

        using var response = await client.GetAsync("/baseline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", await response.Content.ReadAsStringAsync());
    }
}
