namespace FeedAggregator.Tests.Support;

/// <summary>
/// The fixtures under TestData, found beside the test assembly: the working directory is the
/// runner's choice (an IDE, Stryker, `dotnet test` from the root), the output folder is not.
/// </summary>
public static class TestFiles
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
