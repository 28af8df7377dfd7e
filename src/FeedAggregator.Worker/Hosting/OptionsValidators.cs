using FeedAggregator.Diagnostics;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Publishing;
using FeedAggregator.Refreshing;
using FeedAggregator.Storage;
using FeedAggregator.Stories;
using FeedAggregator.Subscriptions;
using FeedAggregator.WebSub;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Worker.Hosting;

// Each section's data annotations ([Range], [Required], IValidatableObject), checked by code the
// options source generator writes at build time. ValidateDataAnnotations checks the same by
// reflection, which at every start emitted an invoke stub per property: about 35 ms of a verb's
// start-up (see "Start-up profiles" in the README). A section with annotations needs its line
// here and AddValidatedOptions (OptionsValidatorsTests fails otherwise).

[OptionsValidator] internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
[OptionsValidator] internal sealed partial class FeedsOptionsValidator : IValidateOptions<FeedsOptions>;
[OptionsValidator] internal sealed partial class SubscriptionsOptionsValidator : IValidateOptions<SubscriptionsOptions>;
[OptionsValidator] internal sealed partial class PublishingOptionsValidator : IValidateOptions<PublishingOptions>;
[OptionsValidator] internal sealed partial class PollingOptionsValidator : IValidateOptions<PollingOptions>;
[OptionsValidator] internal sealed partial class ParsingOptionsValidator : IValidateOptions<ParsingOptions>;
[OptionsValidator] internal sealed partial class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>;
[OptionsValidator] internal sealed partial class DedupeOptionsValidator : IValidateOptions<DedupeOptions>;
[OptionsValidator] internal sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
[OptionsValidator] internal sealed partial class WebSubOptionsValidator : IValidateOptions<WebSubOptions>;
[OptionsValidator] internal sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;
