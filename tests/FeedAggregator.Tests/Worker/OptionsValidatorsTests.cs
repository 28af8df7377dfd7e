using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FeedAggregator.Refreshing;
using FeedAggregator.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Worker;

/// <summary>
/// The sections' data annotations are checked by validators the options source generator writes,
/// not by reflection: a section that gains an annotation must gain its validator too, or nothing
/// would check it.
/// </summary>
public sealed class OptionsValidatorsTests
{
    [Fact]
    public void Every_options_class_with_data_annotations_has_a_generated_validator_registered()
    {
        var services = new ServiceCollection();
        services.AddFeedAggregatorCore(new ConfigurationBuilder().Build(), AppContext.BaseDirectory);
        var generated = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Where(d => d.ImplementationType?.GetCustomAttribute<OptionsValidatorAttribute>() is not null)
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .ToHashSet();

        var annotated = typeof(PollingOptions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => typeof(IValidatableObject).IsAssignableFrom(t)
                        || t.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>().Any()))
            .ToList();

        Assert.Contains(typeof(PollingOptions), annotated);
        Assert.All(annotated, t => Assert.True(generated.Contains(t), $"{t.Name} has data annotations but no generated validator"));
    }

    [Fact]
    public void A_generated_validator_reports_the_attributes_and_the_class_own_rules_together()
    {
        var result = new PollingOptionsValidator().Validate(null, new PollingOptions
        {
            MaxConcurrency = 0,
            MinInterval = TimeSpan.FromDays(2),
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("MaxConcurrency: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("MinInterval: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Polling:MinInterval must not be longer than Polling:MaxInterval.", StringComparison.Ordinal));
        Assert.True(new PollingOptionsValidator().Validate(null, new PollingOptions()).Succeeded);
    }
}
