using Microsoft.Extensions.Logging;

namespace FeedAggregator.Tests.Support;

/// <summary>One log entry as <see cref="CapturingLoggerProvider"/> saw it.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);
