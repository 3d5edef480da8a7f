using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PaperBot.Core.Observability;
using PaperBot.Health;

namespace PaperBot.Hosting;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The long-running bot's health checks (liveness and readiness), the readiness log, and the metrics for <c>/metrics</c>.</summary>
    public static IServiceCollection AddPaperBotObservability(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<AliveCheck>("alive", tags: [HealthTags.Live])
            .AddCheck<StoreCheck>(HealthTags.Store, tags: [HealthTags.Ready])
            .AddCheck<DigestFolderCheck>(HealthTags.DigestFolder, tags: [HealthTags.Ready])
            .AddCheck<InitialIngestCheck>(HealthTags.InitialIngest, tags: [HealthTags.Ready]);
        services.AddSingleton<ReadinessLog>();
        services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<ReadinessLog>());
        services.Configure<HealthCheckPublisherOptions>(options => options.Predicate = check => check.Tags.Contains(HealthTags.Ready));

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("PaperBot"))
            .WithMetrics(metrics => metrics
                .AddMeter(PaperBotMetrics.MeterName, "System.Runtime")
                // Every stream has a few label sets; the default limit (2000) preallocates 2000 points per stream.
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = 100 })
                // Every scrape sees the counters as they are now, not as they were up to 300 ms ago.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddHostedService<StartupGuide>();
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
