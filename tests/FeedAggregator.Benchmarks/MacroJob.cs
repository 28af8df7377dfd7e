using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FeedAggregator.Benchmarks;

/// <summary>
/// For benchmarks of whole stages, an iteration of which is tens of milliseconds or more: one
/// invocation per iteration (with a setup before each), run in-process (no generated project to
/// build, which a shared, busy machine can take minutes to do).
/// </summary>
public sealed class MacroJob : ManualConfig
{
    public MacroJob() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(12)
        .WithToolchain(InProcessEmitToolchain.Instance));
}
