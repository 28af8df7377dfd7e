using FeedAggregator.Diagnostics;
using FeedAggregator.Fetching;
using FeedAggregator.Parsing;
using FeedAggregator.Processing;
using FeedAggregator.Publishing;
using FeedAggregator.Publishing.Writers;
using FeedAggregator.Refreshing;
using FeedAggregator.Seeding;
using FeedAggregator.Storage;
using FeedAggregator.Stories;
using FeedAggregator.Subscriptions;
using FeedAggregator.WebSub;
using FeedAggregator.Worker.Http;
using FeedAggregator.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Quartz;

namespace FeedAggregator.Worker.Hosting;

/// <summary>Every registration of the service in one place.</summary>
internal static class FeedAggregatorServiceCollectionExtensions
{
    /// <summary>The service: the pipeline, the schedule, compression and the start-up work as hosted services.</summary>
    public static IServiceCollection AddFeedAggregator(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // First of the hosted services: the service holds the database before anything opens it.
        services.AddHostedService<DatabaseLockHolder>();
        services.AddFeedAggregatorCore(configuration, contentRoot);
        var roles = NodeRoles.From(configuration);
        services.AddSingleton(roles);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var clustered = StorageProviders.IsPostgres(storage.Provider);

        // Prepares the store (schema, subscriptions, seeds, first rendering) while the web server
        // starts; what works on the store starts after it (StartedWhenReady, below).
        services.AddHostedService(sp => sp.GetRequiredService<StartupTasks>());

        // The schedule
        services.AddQuartz(quartz =>
        {
            var polling = configuration.GetSection(PollingOptions.SectionName).Get<PollingOptions>() ?? new PollingOptions();
            var retention = configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
            if (clustered)
            {
                // Every node joins one clustered scheduler on the shared database, so that the
                // jobs below run on one node at a time; polling and each node's render cache are
                // the nodes' own (ClusterNodeLoop). Quartz's tables come from our migrations.
                quartz.ConfigureScheduler(s =>
                {
                    s.InstanceName = "feedagg";
                    s.GenerateInstanceId = true;
                });
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(storage.ConnectionString ?? "");
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.UseSystemTextJsonSerializer();
                });
                quartz.AddRecurringJob<SubscriptionSyncJob>(SubscriptionSyncJob.Key, "sync-subscriptions", polling.CheckEvery);
            }
            else if (roles.Polls)
            {
                quartz.AddRecurringJob<PollJob>(PollJob.Key, "poll-due-feeds", polling.CheckEvery);
            }

            quartz.AddRecurringJob<PublishJob>(PublishJob.Key, "publish-changes", TimeSpan.FromSeconds(30));
            quartz.AddRecurringJob<RetentionJob>(RetentionJob.Key, "remove-old-articles", retention.RunEvery);
            quartz.AddRecurringJob<WebSubJob>(WebSubJob.Key, "keep-websub-subscriptions", polling.CheckEvery);
        });
        // Shutdown waits for a running poll to finish its transaction: no half-written rows or files.
        // The scheduler starts inline, in the host's "started" step (StartedWhenReady, below), so it
        // runs when the service is reported started and /health is answered.
        services.Configure<QuartzHostedServiceOptions>(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = false;
        });
        services.AddSingleton<QuartzHostedService>();
        if (clustered)
            services.AddSingleton<ClusterNodeLoop>();

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/atom+xml", "application/rss+xml", "application/feed+json", "text/html", "application/json"];
        });
        services.AddWebSubRateLimit();

        // Health: /health and the systemd watchdog run the same checks.
        services.AddSingleton<SchedulerHeartbeat>();
        services.AddSingleton<ServiceHealth>();
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>(); // AddSystemd registers it only under systemd
        services.AddSingleton(WatchdogInterval.FromEnvironment());
        services.AddSingleton<SystemdWatchdog>();
        // What works on the store starts once StartupTasks has prepared it (Quartz's tables, on
        // PostgreSQL, come from the migrations); the web server starts beside the preparation.
        services.AddHostedService(sp => new StartedWhenReady(
        [
            sp.GetRequiredService<QuartzHostedService>(),
            .. clustered ? [sp.GetRequiredService<ClusterNodeLoop>()] : Array.Empty<IHostedService>(),
            sp.GetRequiredService<SystemdWatchdog>(),
        ]));
        services.AddHostedService<IdleMemoryTrim>();

        // /metrics: every stage's instruments, ASP.NET Core's requests by route and status, the runtime's own.
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("feedagg")).WithMetrics(metrics => metrics
            .AddMeter(Metering.MeterName, "Microsoft.AspNetCore.Hosting", "System.Runtime")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>What every verb needs: options, storage, the pipeline stage by stage, publishing and the start-up work.</summary>
    public static IServiceCollection AddFeedAggregatorCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);

        // One options class per section, bound by name, validated at start: a bad value stops
        // the start with a message that names the key.
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.SectionName)
            .PostConfigure(o => o.Database = ContentRoot.Resolve(contentRoot, o.Database));
        services.AddValidatedOptions<FeedsOptions, FeedsOptionsValidator>(configuration, FeedsOptions.SectionName)
            .PostConfigure(o => o.File = ContentRoot.Resolve(contentRoot, o.File));
        services.AddValidatedOptions<SubscriptionsOptions, SubscriptionsOptionsValidator>(configuration, SubscriptionsOptions.SectionName);
        services.AddBoundOptions<SeedsOptions>(configuration, SeedsOptions.SectionName)
            .PostConfigure(o => o.Directory = ContentRoot.Resolve(contentRoot, o.Directory));
        services.AddValidatedOptions<PublishingOptions, PublishingOptionsValidator>(configuration, PublishingOptions.SectionName)
            .PostConfigure(o =>
            {
                o.OutputDirectory = ContentRoot.Resolve(contentRoot, o.OutputDirectory);
                o.BaseUrl = PublicBaseUrl.From(o.BaseUrl, configuration["Urls"]);
            })
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Publishing:BaseUrl must be an absolute http(s) URL.");
        services.AddValidatedOptions<PollingOptions, PollingOptionsValidator>(configuration, PollingOptions.SectionName);
        services.AddBoundOptions<FetchingOptions>(configuration, FetchingOptions.SectionName);
        services.AddValidatedOptions<ParsingOptions, ParsingOptionsValidator>(configuration, "Parsing");
        services.AddValidatedOptions<ProcessingOptions, ProcessingOptionsValidator>(configuration, ProcessingOptions.SectionName);
        services.AddValidatedOptions<DedupeOptions, DedupeOptionsValidator>(configuration, DedupeOptions.SectionName);
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(configuration, RetentionOptions.SectionName);
        // Hubs must reach the callback: only an address the operator wrote, never the listening default.
        services.AddValidatedOptions<WebSubOptions, WebSubOptionsValidator>(configuration, WebSubOptions.SectionName)
            .PostConfigure(o => o.UseCallbackBase(configuration[$"{PublishingOptions.SectionName}:BaseUrl"]));
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(configuration, MetricsOptions.SectionName);

        // Storage: SQLite (one file) or PostgreSQL (shared by every node), behind the same contracts.
        services.AddFeedStore(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"]);

        // The pipeline, stage by stage
        services.AddPollingPipeline();
        services.AddWebSubSubscriber();
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<MergedFeedQuery>();
        services.AddSingleton<IFeedWriter, AtomFeedWriter>();
        services.AddSingleton<IFeedWriter, RssFeedWriter>();
        services.AddSingleton<IFeedWriter, JsonFeedWriter>();
        services.AddSingleton<IFeedWriter, HtmlPageWriter>();
        services.AddSingleton<FeedViewQuery>();
        services.AddSingleton<FeedViewCache>();
        services.AddSingleton<StatusPage>();
        services.AddSingleton<PublishMetrics>();
        services.AddSingleton<FeedStateMetrics>();
        services.AddSingleton<WebSubNotifier>();
        services.AddHttpClient(WebSubNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<FeedPublisher>();
        services.AddSingleton<StartupTasks>();
        return services;
    }

    /// <summary>
    /// A job that runs at start, then again <paramref name="every"/> after each run ends: runs never
    /// overlap, and runs missed while the service was down are not caught up one by one.
    /// </summary>
    private static void AddRecurringJob<TJob>(this IQuartzBuilder quartz, JobKey key, string trigger, TimeSpan every)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger(t => t
            .ForJob(key)
            .WithIdentity(trigger)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()
                .MeasureIntervalFromCompletion(true)
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    private static OptionsBuilder<T> AddValidatedOptions<T, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services.AddBoundOptions<T>(configuration, section);
    }

    /// <summary>A section without data annotations: bound, and checked at start by what its registration adds.</summary>
    private static OptionsBuilder<T> AddBoundOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateOnStart();
}
