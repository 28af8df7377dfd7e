using FeedAggregator.Parsing;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Parse promises a result, never an exception: every fixture cut short or damaged is tried.</summary>
public sealed class NeverThrowsTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing");
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!Path.GetFileName(path).StartsWith('.'))
                data.Add(Path.GetRelativePath(root, path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_prefix_of_a_fixture_parses_or_fails_cleanly(string fixture)
    {
        var bytes = ParsingFixtures.Bytes(fixture);

        for (var length = 0; length <= bytes.Length; length += 7)
        {
            var result = FeedParser.Default.Parse(bytes.AsMemory(0, length));
            Assert.True(result.IsSuccess || !string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Damaged_bytes_parse_or_fail_cleanly(string fixture)
    {
        var original = ParsingFixtures.Bytes(fixture);
        var random = new Random(20240127); // fixed seed: the same damage on every run
        byte[] noise = [0x00, 0x01, (byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)';', 0xFF, 0xC3, 0x80, (byte)']'];

        for (var round = 0; round < 200; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var hit = 0; hit < 1 + round % 5; hit++)
                bytes[random.Next(bytes.Length)] = noise[random.Next(noise.Length)];

            var result = FeedParser.Default.Parse(bytes, new Uri("https://example.com/feed"), "application/xml; charset=utf-8");
            Assert.True(result.IsSuccess || !string.IsNullOrWhiteSpace(result.Error));
        }
    }
}
