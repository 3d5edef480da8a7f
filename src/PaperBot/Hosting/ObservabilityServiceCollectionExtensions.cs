using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Health;

namespace PaperBot.Hosting;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The long-running bot's health checks (liveness and readiness) and the readiness log.</summary>
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
        return services;
    }
}
