using System.Reflection;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class PublishingOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new PublishingOptions();

        Assert.Equal("data/public", options.OutputDirectory);
        Assert.Equal("FeedAggregator", options.Title);
        Assert.Equal(50, options.ItemCount);
        Assert.Equal(256, options.ViewCacheSize);
        Assert.Equal(33_554_432, options.ViewCacheBytes);
        Assert.Null(options.BaseUrl);
        Assert.Null(options.WebSubHub);
    }

    [Fact]
    public void The_generator_version_is_the_informational_version_without_the_commit()
    {
        var informational = typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.DoesNotContain('+', GeneratorInfo.Version);
        Assert.StartsWith(GeneratorInfo.Version, informational, StringComparison.Ordinal);
        Assert.True(informational.Length == GeneratorInfo.Version.Length || informational[GeneratorInfo.Version.Length] == '+', informational);
        Assert.Equal("FeedAggregator " + GeneratorInfo.Version, GeneratorInfo.NameAndVersion);
    }
}
