namespace FeedAggregator.Tests.Fetching;

/// <summary>The byte-exact documents under TestData/Fetching.</summary>
internal static class Fixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Fetching", name));
}
